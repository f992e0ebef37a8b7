import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MessageTemplateView } from '@/lib/views/types';
import { fetchJson } from './fetch-json';

/** The approved message templates of a conversation's channel (WhatsApp), for when free text is not allowed. */
export const templatesQuery = (conversationId: string) =>
  queryOptions({
    queryKey: ['templates', conversationId] as const,
    queryFn: () => fetchJson<{ items: MessageTemplateView[] }>(`/api/console/conversations/${encodeURIComponent(conversationId)}/templates`),
    staleTime: 5 * 60_000,
  });

export const useTemplates = (conversationId: string) => useQuery(templatesQuery(conversationId));
