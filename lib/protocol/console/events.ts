// The realtime stream (`GET /api/console/events`): one `console` SSE event per change a rep may see.
import { z } from 'zod';
import { activityViewSchema } from './activities';
import { agentStatusViewSchema } from './agents';
import { conversationSummarySchema } from './conversations';
import { offerViewSchema } from './offers';
import { instant } from './shared';

export const consoleEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('conversation.updated'), conversationId: z.string(), conversation: conversationSummarySchema }),
  z.object({ type: z.literal('activity.created'), conversationId: z.string(), activity: activityViewSchema, conversation: conversationSummarySchema }),
  z.object({ type: z.literal('activity.updated'), conversationId: z.string(), activity: activityViewSchema }),
  z.object({ type: z.literal('typing'), conversationId: z.string(), author: z.enum(['customer', 'agent']), name: z.string(), agentId: z.string().nullable() }),
  z.object({ type: z.literal('offer.updated'), conversationId: z.string(), offer: offerViewSchema }),
  z.object({ type: z.literal('agent.updated'), conversationId: z.null(), agent: agentStatusViewSchema }),
  /**
   * The conversation and all it held are gone (an administrator erased the customer, or retention did):
   * consoles drop it. Its log row names no conversation (there is none left to name); the scope was
   * the conversation's just before.
   */
  z.object({ type: z.literal('conversation.erased'), conversationId: z.null(), erasedConversationId: z.string() }),
  /** SlaWarning (80% of the target gone) or SlaBreached, once per clock (the first response; each run of unanswered customer messages); console only (seed 000 names no such lifecycle event). */
  z.object({
    type: z.literal('sla.alert'),
    conversationId: z.string(),
    kind: z.enum(['first', 'next']),
    level: z.enum(['warning', 'breached']),
    dueAt: instant,
    conversation: conversationSummarySchema,
  }),
]);

/** Who may see a conversation's events: its queue's members, its owner, its consultants and requested agents. */
export const eventScopeSchema = z.object({ queueId: z.string().nullable(), ownerId: z.string().nullable(), agentIds: z.array(z.string()) });

/** An event as the log stores and the stream sends it: with its log id (the SSE id). */
export const streamedEventSchema = z.intersection(
  consoleEventSchema,
  z.object({ id: z.string(), scope: eventScopeSchema.nullable().optional() }),
);

/**
 * The `ready` SSE event: the stream caught up to this id. `expired`: the id it resumed from was
 * older than the event log keeps (EVENT_RETENTION_DAYS), so nothing was replayed: refetch.
 */
export const streamReadySchema = z.object({ id: z.string(), expired: z.literal(true).optional() });

export type ConsoleEvent = z.infer<typeof consoleEventSchema>;
export type EventScope = z.infer<typeof eventScopeSchema>;
export type StreamedEvent = z.infer<typeof streamedEventSchema>;
