import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConversationSummary } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

export type InboxFilter = 'mine' | 'unassigned' | 'all';

export interface ConversationPage {
  items: ConversationSummary[];
  nextCursor: string | null;
}

export const conversationListQuery = (filter: InboxFilter, q = '') =>
  queryOptions({
    queryKey: queryKeys.conversationList(filter, q),
    queryFn: () =>
      fetchJson<ConversationPage>(`/api/console/conversations?filter=${filter}&limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  });

export const useConversationList = (filter: InboxFilter, q = '') => useQuery(conversationListQuery(filter, q));

/** Whether a conversation belongs in a filter's list, for updating cached lists from live events. */
export function belongsTo(filter: InboxFilter, conversation: ConversationSummary, agentId: string): boolean {
  if (conversation.state === 'pending') return false;
  if (filter === 'mine') return conversation.ownerId === agentId && conversation.state !== 'closed';
  if (filter === 'unassigned') return conversation.ownerId === null && ['queued', 'offered'].includes(conversation.state);
  return true;
}
