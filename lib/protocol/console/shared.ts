// Pieces every area of the console contract uses. Pure zod: the browser imports this too.
import { z } from 'zod';

/** An instant as the console sends it: ISO 8601 (`Date#toISOString`). */
export const instant = z.iso.datetime({ offset: true });

/** A message's text (the rep's reply, an edit, a first message) is at most this long. */
export const MAX_MESSAGE_CHARS = 28_000;

export const roleSchema = z.enum(['agent', 'supervisor', 'admin']);
export const presenceSchema = z.enum(['available', 'busy', 'away', 'offline']);
export const conversationStateSchema = z.enum(['pending', 'bot', 'queued', 'offered', 'active', 'wrapup', 'closed']);
export const deliveryStateSchema = z.enum(['none', 'sending', 'sent', 'delivered', 'read', 'failed']);

/** The answer of a command with nothing else to say. */
export const okSchema = z.object({ ok: z.literal(true) });

/** A list answer: `{ items: [...] }`. */
export const itemsOf = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item) });

/** A body a command takes but does not read (the browser sends `{}`). */
export const emptyBody = z.object({}).optional();

export type Role = z.infer<typeof roleSchema>;
export type PresenceView = z.infer<typeof presenceSchema>;
export type ConversationStateView = z.infer<typeof conversationStateSchema>;
export type DeliveryStateView = z.infer<typeof deliveryStateSchema>;
export type Ok = z.infer<typeof okSchema>;
