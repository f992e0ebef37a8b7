// A bot answers first (issue 19): why a conversation left its bot for reps, as reps see it beside
// the conversation. Also the shape stored in `Conversation.handoff`.
import { z } from 'zod';
import { instant } from './shared';

/** One line of the transcript a bot's `handoff.initiate` carried (its `Transcript` attachment's activities). */
export const handoffTranscriptLineSchema = z.object({
  role: z.enum(['customer', 'bot']),
  name: z.string().nullable(),
  text: z.string(),
  timestamp: instant.nullable(),
});

export const handoffSchema = z.object({
  /** `handoff`: the bot asked (handoff.initiate); `fallback`: the bot could not be reached. */
  kind: z.enum(['handoff', 'fallback']),
  at: instant,
  /** The bot's app id. */
  botAppId: z.string().nullable(),
  /** handoff.initiate's `value` (a skill, a summary, …), as the bot sent it. */
  context: z.json().nullable(),
  /** The transcript attachment's messages; null when the bot sent none. */
  transcript: z.array(handoffTranscriptLineSchema).nullable(),
  /** Why the bot could not take the conversation (fallback), or why the handoff failed (no one took it in time, the queue closed). */
  reason: z.string().nullable(),
  /** The `handoff.status` states the bot has been told, in order. */
  told: z.array(z.enum(['accepted', 'failed', 'completed'])),
});

/** `GET /api/console/conversations/:id/handoff`: null when the conversation never left a bot. */
export const handoffViewSchema = z.object({ handoff: handoffSchema.nullable() });

export type Handoff = z.infer<typeof handoffSchema>;
export type HandoffTranscriptLine = z.infer<typeof handoffTranscriptLineSchema>;
export type HandoffView = z.infer<typeof handoffViewSchema>;
