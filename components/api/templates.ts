import { queryOptions, useQuery } from '@tanstack/react-query';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

/** The approved message templates of a conversation's channel (WhatsApp), for when free text is not allowed. */
export const templatesQuery = (conversationId: string) =>
  queryOptions({
    queryKey: queryKeys.templates(conversationId),
    queryFn: () => callConsole(consoleApi.templates, { params: { id: conversationId } }),
    staleTime: 5 * 60_000,
  });

export const useTemplates = (conversationId: string) => useQuery(templatesQuery(conversationId));
