// Agents as the console shows them: the signed-in rep, colleagues in the directory, queues.
import { z } from 'zod';
import { calendarSchema } from './calendar';
import { presenceSchema, roleSchema } from './shared';

export const agentViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  presence: presenceSchema,
  /** The queues whose conversations this agent sees. */
  queueIds: z.array(z.string()),
});

/** An agent as colleagues see them: in the transfer and consult dialogs, and live. */
export const agentStatusViewSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: roleSchema,
  presence: presenceSchema,
  capacity: z.number().int(),
  /** Conversations owned now plus offers waiting for an answer. */
  load: z.number().int(),
  queueIds: z.array(z.string()),
});

export const queueViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Conversations waiting in it. */
  waiting: z.number().int(),
  /** Its business hours (null: always open); the inbox shows its waiting conversations as waiting for them while closed. */
  calendar: calendarSchema.nullable(),
});

export const directoryViewSchema = z.object({ agents: z.array(agentStatusViewSchema), queues: z.array(queueViewSchema) });

export const presenceBody = z.object({ presence: presenceSchema });

/** `GET /api/console/me` and the sign-in answer. */
export const signedInSchema = z.object({ agent: agentViewSchema });

export const signInBody = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) });

export type AgentView = z.infer<typeof agentViewSchema>;
export type AgentStatusView = z.infer<typeof agentStatusViewSchema>;
export type QueueView = z.infer<typeof queueViewSchema>;
export type DirectoryView = z.infer<typeof directoryViewSchema>;
export type SignInInput = z.input<typeof signInBody>;
