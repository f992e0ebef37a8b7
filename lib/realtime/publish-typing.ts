import { db as defaultDb, type Db } from '../db/client';
import { transaction } from '../db/transaction';
import { appendEvent } from './event-log';

/** Someone is typing: an ephemeral event for the rep's screen and the customer's stream (never stored as an activity). */
export async function publishTyping(
  input: { conversationId: string; author: 'customer' | 'agent'; name: string; agentId?: string | null },
  db: Db = defaultDb(),
): Promise<void> {
  await transaction(db, (tx) =>
    appendEvent(tx, { type: 'typing', conversationId: input.conversationId, author: input.author, name: input.name, agentId: input.agentId ?? null }),
  );
}
