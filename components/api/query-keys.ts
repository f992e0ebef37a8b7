// Query keys as objects (one object per key, named fields): a key is read by name, never by
// position, and a prefix object (`{ scope: 'conversations' }`) matches every key that extends it.
import type { AuditFilter, ReportQuery } from '@/lib/protocol/console';
import type { InboxFilter } from '@/lib/views/types';

export interface ConversationListKey {
  scope: 'conversations';
  filter: InboxFilter;
  q: string;
  queue: string;
  label: string;
}

export const queryKeys = {
  me: [{ scope: 'me' }] as const,
  conversationLists: [{ scope: 'conversations' }] as const,
  conversationList: (filter: InboxFilter, q = '', queue = '', label = '') => [{ scope: 'conversations', filter, q, queue, label } satisfies ConversationListKey] as const,
  conversation: (id: string) => [{ scope: 'conversation', id }] as const,
  transcript: (id: string) => [{ scope: 'transcript', id }] as const,
  erased: (id: string) => [{ scope: 'erased', id }] as const,
  handoff: (conversationId: string) => [{ scope: 'handoff', conversationId }] as const,
  customers: [{ scope: 'customer' }] as const,
  customer: (conversationId: string) => [{ scope: 'customer', conversationId }] as const,
  templates: (conversationId: string) => [{ scope: 'templates', conversationId }] as const,
  failedDeliveries: [{ scope: 'deliveries', state: 'failed' }] as const,
  supervisor: [{ scope: 'supervisor' }] as const,
  supervisorOverview: [{ scope: 'supervisor', view: 'overview' }] as const,
  supervisorActions: [{ scope: 'supervisor', view: 'actions' }] as const,
  typing: (id: string) => [{ scope: 'typing', id }] as const,
  offers: [{ scope: 'offers' }] as const,
  directory: [{ scope: 'directory' }] as const,
  cannedResponses: [{ scope: 'canned-responses' }] as const,
  reports: [{ scope: 'reports' }] as const,
  reportSummary: (query: ReportQuery, bucket: 'day' | 'hour') => [{ scope: 'reports', view: 'summary', query, bucket }] as const,
  reportEpisodes: (query: ReportQuery) => [{ scope: 'reports', view: 'episodes', query }] as const,
  contacts: [{ scope: 'contact' }] as const,
  contact: (id: string) => [{ scope: 'contact', id }] as const,
  contactSearch: (q: string) => [{ scope: 'contact', q }] as const,
  labels: [{ scope: 'labels' }] as const,
  contactAttributes: [{ scope: 'contact-attributes' }] as const,
  admin: [{ scope: 'admin' }] as const,
  adminAgents: [{ scope: 'admin', view: 'agents' }] as const,
  adminQueues: [{ scope: 'admin', view: 'queues' }] as const,
  adminChannels: [{ scope: 'admin', view: 'channels' }] as const,
  adminBotKeys: [{ scope: 'admin', view: 'bot-keys' }] as const,
  adminAudit: (filter: AuditFilter) => [{ scope: 'admin', view: 'audit', filter }] as const,
};
