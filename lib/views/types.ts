// Shapes the console's browser code receives: from /api/console/* and the realtime stream.
// No wire format of any channel appears here.

export type ConversationStateView = 'pending' | 'queued' | 'offered' | 'active' | 'wrapup' | 'closed';
export type DeliveryStateView = 'none' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

export interface ConversationSummary {
  id: string;
  channel: string;
  customerName: string;
  state: ConversationStateView;
  queueId: string | null;
  queueName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  version: number;
  unreadCount: number;
  lastText: string | null;
  lastActivityAt: string;
  lastSeq: number;
  /** Where a Teams (or other Bot Framework) conversation lives. */
  channelInfo: { conversationType: string | null; tenantId: string | null; team: string | null; channel: string | null } | null;
  blocked: boolean;
  /** Why nothing is sent to the customer now (lib/channels/teams/pause.ts: ConversationBlockedByUser, BotDisabledByAdmin, …); null when sending goes on. */
  sendingPaused: string | null;
  /** WhatsApp: until when a free-form reply is allowed (24 h after the customer's last message). */
  replyWindowEndsAt: string | null;
  /** WhatsApp message analysis (ACS): language, intent, key phrases, translation. */
  analysis: { language: string | null; confidence: number | null; intent: string | null; keyPhrases: string[]; translation: string | null } | null;
  /** Agents consulted on it now; `joined` once the owner added them to the customer conversation. */
  consultants: { agentId: string; name: string; joined: boolean }[];
  /** Transfer and consult requests waiting for their target's answer. */
  pendingRequests: { offerId: string; kind: 'transfer' | 'consult'; agentId: string; agentName: string }[];
}

export interface ActivityView {
  id: string;
  conversationId: string;
  seq: number;
  type: string;
  /** Who the author is from the console's point of view. */
  author: 'customer' | 'agent' | 'bot' | 'system';
  fromName: string | null;
  agentId: string | null;
  text: string | null;
  textFormat: string | null;
  name: string | null;
  timestamp: string;
  deliveryState: DeliveryStateView;
  deliveryError: string | null;
  /** The id the rep's browser gave a message it sent, so the echo replaces the optimistic copy. */
  clientId: string | null;
  attachments: AttachmentView[];
  /** Files the customer sent that the console could not fetch, and why. */
  fetchFailures: { name: string; reason: string }[];
  /** An Adaptive Card answer: which card and button, and the submitted fields. */
  cardAnswer: { card: string | null; action: string | null; fields: { label: string; value: string }[] } | null;
  suggestedActions: { type: string; title: string; value: string }[];
  /** Adaptive Card JSON, rendered by the console as such. */
  cards: object[];
  editedAt: string | null;
  deletedAt: string | null;
  /** The activity this one answers (a quoted reply), when known. */
  replyToId: string | null;
  /** A private note: agents only, never sent to the customer. */
  note: boolean;
  /** When the server last changed it: a client keeps the newest copy whatever order copies arrive in. */
  updatedAt: string;
  /** Text before the last edit or deletion: filled for supervisors only. */
  previousText?: string | null;
}

export interface AttachmentView {
  id: string;
  name: string | null;
  contentType: string;
  size: number;
}

export type PresenceView = 'available' | 'busy' | 'away' | 'offline';

export interface AgentView {
  id: string;
  email: string;
  displayName: string;
  role: 'agent' | 'supervisor' | 'admin';
  presence: PresenceView;
  /** The queues whose conversations this agent sees. */
  queueIds: string[];
}

/** An agent as colleagues see them: in the transfer and consult dialogs, and live. */
export interface AgentStatusView {
  id: string;
  displayName: string;
  role: 'agent' | 'supervisor' | 'admin';
  presence: PresenceView;
  capacity: number;
  /** Conversations owned now plus offers waiting for an answer. */
  load: number;
  queueIds: string[];
}

export interface QueueView {
  id: string;
  name: string;
  /** Conversations waiting in it. */
  waiting: number;
}

export interface DirectoryView {
  agents: AgentStatusView[];
  queues: QueueView[];
}

export type OfferKindView = 'route' | 'transfer' | 'consult';
export type OfferStateView = 'pending' | 'accepted' | 'declined' | 'expired' | 'cancelled';

/** A routing offer, transfer request or consult request to one agent. */
export interface OfferView {
  id: string;
  kind: OfferKindView;
  state: OfferStateView;
  conversationId: string;
  agentId: string;
  fromName: string | null;
  customerName: string;
  channel: string;
  queueName: string | null;
  note: string | null;
  createdAt: string;
  expiresAt: string;
}

export type ConsoleEvent =
  | { type: 'conversation.updated'; conversationId: string; conversation: ConversationSummary }
  | { type: 'activity.created'; conversationId: string; activity: ActivityView; conversation: ConversationSummary }
  | { type: 'activity.updated'; conversationId: string; activity: ActivityView }
  | { type: 'typing'; conversationId: string; author: 'customer' | 'agent'; name: string; agentId: string | null }
  | { type: 'offer.updated'; conversationId: string; offer: OfferView }
  | { type: 'agent.updated'; conversationId: null; agent: AgentStatusView };

/** Who may see a conversation's events: its queue's members, its owner, its consultants and requested agents. */
export interface EventScope {
  queueId: string | null;
  ownerId: string | null;
  agentIds: string[];
}

export type StreamedEvent = ConsoleEvent & { id: string; scope?: EventScope | null };

export interface FailedDeliveryView {
  deliveryId: string;
  activityId: string;
  conversationId: string;
  customerName: string | null;
  channel: string;
  activityType: string;
  eventName: string | null;
  text: string | null;
  attempts: number;
  reason: string | null;
  failedAt: string | null;
  lastStatusCode: number | null;
}

export interface CustomerProfileView {
  channel: string;
  customerId: string | null;
  customerName: string | null;
  locale: string | null;
  previousConversations: { id: string; state: ConversationStateView; lastText: string | null; lastActivityAt: string }[];
  /** Whom the rep may write to first from here (seed 003 "start conversation"); `possible` is false where the channel never allows it. */
  reachFirst: ReachFirstView;
}

export interface ReachFirstView {
  possible: boolean;
  customers: ReachableCustomerView[];
}

/** Someone the channel lets a rep write to first. */
export interface ReachableCustomerView {
  /** The channel's id for them (a Teams user id, a WhatsApp number). */
  id: string;
  name: string | null;
  /** WhatsApp outside the 24-hour window: the first message has to be an approved template. */
  needsTemplate: boolean;
}

/** An approved message template of a channel (WhatsApp): its body with `{{1}}`, `{{2}}`, … and how many there are. */
export interface MessageTemplateView {
  name: string;
  language: string;
  body: string;
  parameters: number;
}

/** A template a rep sends, its body parameters filled in (in order). */
export interface TemplateMessage {
  name: string;
  language: string;
  parameters: string[];
}

/** A reply a rep inserts with `/shortcut`; `{customer}` is filled in when inserted. */
export interface CannedResponseView {
  id: string;
  shortcut: string;
  title: string;
  text: string;
}

/** An Adaptive Card a rep sends (checked by the server against lib/protocol/rich-content.ts). */
export interface AdaptiveCardView {
  type: 'AdaptiveCard';
  version: string;
  body?: { type: string; [key: string]: unknown }[];
  actions?: { type: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** A row of the supervisor's `Active conversations` table. */
export interface ActiveConversationView {
  id: string;
  channel: string;
  customerName: string;
  queueName: string | null;
  ownerName: string | null;
  state: ConversationStateView;
  /** When it started waiting in its queue (queued or offered), else null. */
  waitingSince: string | null;
  lastActivityAt: string;
}

export interface QueueLoadView {
  id: string;
  name: string;
  waiting: number;
  /** The longest-waiting conversation's `waitingSince`, or null when none waits. */
  longestWaitSince: string | null;
}

export interface SupervisorOverview {
  conversations: ActiveConversationView[];
  agents: AgentStatusView[];
  queues: QueueLoadView[];
}

export interface SupervisorActionView {
  id: string;
  kind: 'takeOver' | 'reassign' | 'transfer' | 'forceClose';
  supervisorName: string;
  conversationId: string;
  customerName: string;
  agentName: string | null;
  note: string | null;
  createdAt: string;
}
