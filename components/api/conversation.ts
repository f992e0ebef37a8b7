import { queryOptions, useQuery } from '@tanstack/react-query';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const conversationQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.conversation(id),
    queryFn: () => callConsole(consoleApi.conversation, { params: { id } }),
  });

export const useConversation = (id: string) => useQuery(conversationQuery(id));
