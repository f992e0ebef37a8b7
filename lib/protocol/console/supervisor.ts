// The supervisor's overview and action log.
import { z } from 'zod';
import { agentStatusViewSchema } from './agents';
import { conversationStateSchema, instant } from './shared';

/** A row of the supervisor's `Active conversations` table. */
export const activeConversationViewSchema = z.object({
  id: z.string(),
  channel: z.string(),
  customerName: z.string(),
  queueName: z.string().nullable(),
  ownerName: z.string().nullable(),
  state: conversationStateSchema,
  /** When it started waiting in its queue (queued or offered), else null. */
  waitingSince: instant.nullable(),
  lastActivityAt: instant,
  /** The SLA clock, as in the conversation summary. */
  slaKind: z.enum(['first', 'next']).nullable(),
  slaWarnAt: instant.nullable(),
  slaDueAt: instant.nullable(),
});

export const queueLoadViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  waiting: z.number().int(),
  /** The longest-waiting conversation's `waitingSince`, or null when none waits. */
  longestWaitSince: instant.nullable(),
});

export const supervisorOverviewSchema = z.object({
  conversations: z.array(activeConversationViewSchema),
  agents: z.array(agentStatusViewSchema),
  queues: z.array(queueLoadViewSchema),
});

export const supervisorActionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['takeOver', 'reassign', 'transfer', 'forceClose']),
  supervisorName: z.string(),
  conversationId: z.string(),
  customerName: z.string(),
  agentName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: instant,
});

export type ActiveConversationView = z.infer<typeof activeConversationViewSchema>;
export type QueueLoadView = z.infer<typeof queueLoadViewSchema>;
export type SupervisorOverview = z.infer<typeof supervisorOverviewSchema>;
export type SupervisorActionView = z.infer<typeof supervisorActionViewSchema>;
