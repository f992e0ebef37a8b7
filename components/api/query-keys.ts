import type { InboxFilter } from './conversations';

export const queryKeys = {
  me: ['me'] as const,
  conversationLists: ['conversations'] as const,
  conversationList: (filter: InboxFilter, q = '', queue = '') => ['conversations', filter, q, queue] as const,
  conversation: (id: string) => ['conversation', id] as const,
  transcript: (id: string) => ['transcript', id] as const,
  failedDeliveries: ['deliveries', 'failed'] as const,
  supervisorOverview: ['supervisor', 'overview'] as const,
  supervisorActions: ['supervisor', 'actions'] as const,
  typing: (id: string) => ['typing', id] as const,
  offers: ['offers'] as const,
  directory: ['directory'] as const,
  cannedResponses: ['canned-responses'] as const,
};
