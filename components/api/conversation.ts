import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConversationSummary } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

export const conversationQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.conversation(id),
    queryFn: () => fetchJson<ConversationSummary>(`/api/console/conversations/${encodeURIComponent(id)}`),
  });

export const useConversation = (id: string) => useQuery(conversationQuery(id));
