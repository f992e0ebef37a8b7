// Conversations: the summary every list and header shows, the inbox, and the commands on one conversation.
import { z } from 'zod';
import { conversationStateSchema, instant } from './shared';
import { labelViewSchema } from './labels';

export const conversationSummarySchema = z.object({
  id: z.string(),
  channel: z.string(),
  customerName: z.string(),
  state: conversationStateSchema,
  queueId: z.string().nullable(),
  queueName: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  version: z.number().int(),
  unreadCount: z.number().int(),
  lastText: z.string().nullable(),
  lastActivityAt: instant,
  lastSeq: z.number().int(),
  /** Where a Teams (or other Bot Framework) conversation lives. */
  channelInfo: z
    .object({ conversationType: z.string().nullable(), tenantId: z.string().nullable(), team: z.string().nullable(), channel: z.string().nullable() })
    .nullable(),
  blocked: z.boolean(),
  /** Why nothing is sent to the customer now (lib/channels/teams/pause.ts: ConversationBlockedByUser, BotDisabledByAdmin, …); null when sending goes on. */
  sendingPaused: z.string().nullable(),
  /** WhatsApp: until when a free-form reply is allowed (24 h after the customer's last message). */
  replyWindowEndsAt: instant.nullable(),
  /**
   * The SLA clock of the current episode (docs/metrics.md): which response it waits for, when the
   * warning (80% of the target) and the breach fall, in the queue's business hours; null: none runs.
   */
  slaKind: z.enum(['first', 'next']).nullable(),
  slaWarnAt: instant.nullable(),
  slaDueAt: instant.nullable(),
  /** WhatsApp message analysis (ACS): language, intent, key phrases, translation. */
  analysis: z
    .object({
      language: z.string().nullable(),
      confidence: z.number().nullable(),
      intent: z.string().nullable(),
      keyPhrases: z.array(z.string()),
      translation: z.string().nullable(),
    })
    .nullable(),
  /** Agents consulted on it now; `joined` once the owner added them to the customer conversation. */
  consultants: z.array(z.object({ agentId: z.string(), name: z.string(), joined: z.boolean() })),
  /** Transfer and consult requests waiting for their target's answer. */
  pendingRequests: z.array(z.object({ offerId: z.string(), kind: z.enum(['transfer', 'consult']), agentId: z.string(), agentName: z.string() })),
  /** The bot (its app id) that holds the conversation (state `bot`) or held it before reps; null: none. */
  botAppId: z.string().nullable(),
  /** How it left the bot (`handoff`: the bot asked; `fallback`: the bot failed); null while the bot holds it or never did. */
  handoffKind: z.enum(['handoff', 'fallback']).nullable(),
  /** The conversation's labels, by name. */
  labels: z.array(labelViewSchema),
});

export const inboxFilterSchema = z.enum(['mine', 'unassigned', 'all']);

/** `GET /api/console/conversations`: one keyset page of a filter, optionally searched (`q`) and narrowed to a queue. */
export const conversationListQuery = z.object({
  filter: inboxFilterSchema.default('all'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional(),
  queue: z.uuid().optional(),
  /** Only conversations carrying this label. */
  label: z.uuid().optional(),
});

export const conversationPageSchema = z.object({
  items: z.array(conversationSummarySchema),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

// `version` (what the rep saw) is accepted for older clients and not needed: the state decides races.
export const acceptBody = z.object({ version: z.number().int().min(0).optional() }).default({});

const note = (max: number) => z.string().trim().max(max).optional();

/** `Transfer` to an agent (who accepts or declines) or to a queue, with an optional note. */
export const transferBody = z.union([
  z.object({ agentId: z.uuid(), note: note(2000) }).strict(),
  z.object({ queueId: z.uuid(), note: note(2000) }).strict(),
]);

export const consultBody = z.object({ agentId: z.uuid(), note: note(2000) }).strict();
/** Adding a consultant to the customer conversation, or ending their consult. */
export const consultantBody = z.object({ agentId: z.uuid() }).strict();

export const closeBody = z.object({ force: z.boolean().default(false), note: note(4000) }).default({ force: false });
export const wrapUpBody = z.object({ note: z.string().trim().min(1).max(4000) }).strict();
/** A supervisor takes the conversation over (their own id) or reassigns it to an agent. */
export const assignBody = z.object({ agentId: z.uuid(), note: note(2000) }).strict();

/** Someone the channel lets a rep write to first. */
export const reachableCustomerViewSchema = z.object({
  /** The channel's id for them (a Teams user id, a WhatsApp number). */
  id: z.string(),
  name: z.string().nullable(),
  /** WhatsApp outside the 24-hour window: the first message has to be an approved template. */
  needsTemplate: z.boolean(),
});

export const reachFirstViewSchema = z.object({ possible: z.boolean(), customers: z.array(reachableCustomerViewSchema) });

export const customerProfileViewSchema = z.object({
  channel: z.string(),
  /** The customer's contact (GET /api/console/contacts/:id); null when the channel names no single customer. */
  contactId: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  locale: z.string().nullable(),
  previousConversations: z.array(
    z.object({ id: z.string(), state: conversationStateSchema, lastText: z.string().nullable(), lastActivityAt: instant }),
  ),
  /** Whom the rep may write to first from here (seed 003 "start conversation"); `possible` is false where the channel never allows it. */
  reachFirst: reachFirstViewSchema,
  /** This conversation's satisfaction surveys, one per episode that closed with one, latest first. */
  surveys: z.array(
    z.object({ episode: z.number().int(), sentAt: instant, rating: z.number().int().min(1).max(5).nullable(), comment: z.string().nullable(), answeredAt: instant.nullable() }),
  ),
});

export type ConversationSummary = z.infer<typeof conversationSummarySchema>;
export type InboxFilter = z.infer<typeof inboxFilterSchema>;
export type ConversationListQuery = z.input<typeof conversationListQuery>;
export type ConversationPage = z.infer<typeof conversationPageSchema>;
export type TransferInput = z.input<typeof transferBody>;
export type ConsultInput = z.input<typeof consultBody>;
export type ConsultantInput = z.input<typeof consultantBody>;
export type CloseInput = z.input<typeof closeBody>;
export type WrapUpInput = z.input<typeof wrapUpBody>;
export type AssignInput = z.input<typeof assignBody>;
export type ReachableCustomerView = z.infer<typeof reachableCustomerViewSchema>;
export type ReachFirstView = z.infer<typeof reachFirstViewSchema>;
export type CustomerProfileView = z.infer<typeof customerProfileViewSchema>;
