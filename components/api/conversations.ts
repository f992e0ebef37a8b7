import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type ConversationPage, type ConversationSummary, type InboxFilter } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

const listPage = (filter: InboxFilter, q: string, queue: string, label: string, cursor?: string) =>
  callConsole(consoleApi.conversations, { query: { filter, limit: 100, q, queue, label: label || undefined, cursor } });

export const conversationListQuery = (filter: InboxFilter, q = '', queue = '', label = '') =>
  queryOptions({
    queryKey: queryKeys.conversationList(filter, q, queue, label),
    queryFn: () => listPage(filter, q, queue, label),
  });

export const useConversationList = (filter: InboxFilter, q = '', queue = '', label = '') => useQuery(conversationListQuery(filter, q, queue, label));

/** The next keyset page of a list, appended to the cached one. */
export function useLoadMoreConversations(filter: InboxFilter, q = '', queue = '', label = '') {
  const queryClient = useQueryClient();
  const key = queryKeys.conversationList(filter, q, queue, label);
  return useMutation({
    mutationFn: (cursor: string) => listPage(filter, q, queue, label, cursor),
    onSuccess: (next) =>
      queryClient.setQueryData<ConversationPage>(key, (page) => {
        if (!page) return next;
        const known = new Set(page.items.map((item) => item.id));
        return { items: [...page.items, ...next.items.filter((item) => !known.has(item.id))], nextCursor: next.nextCursor };
      }),
  });
}

/**
 * The newer of the copy shown (`shown`) and one arriving (`incoming`): a late HTTP answer must not
 * undo a live update. On a tie the incoming copy wins (read counters change without a version).
 */
export function newer(shown: ConversationSummary, incoming: ConversationSummary): ConversationSummary {
  if (shown.version !== incoming.version) return shown.version > incoming.version ? shown : incoming;
  return shown.lastSeq > incoming.lastSeq ? shown : incoming;
}

/** Whether a conversation belongs in a filter's list, for updating cached lists from live events. */
export function belongsTo(filter: InboxFilter, conversation: ConversationSummary, agentId: string, queue = '', label = ''): boolean {
  if (conversation.state === 'pending') return false;
  if (queue && conversation.queueId !== queue) return false;
  if (label && !conversation.labels.some((l) => l.id === label)) return false;
  if (filter === 'mine') {
    const consulting = conversation.consultants.some((c) => c.agentId === agentId);
    return (conversation.ownerId === agentId || consulting) && conversation.state !== 'closed';
  }
  if (filter === 'unassigned') return conversation.ownerId === null && ['queued', 'offered'].includes(conversation.state);
  return true;
}
