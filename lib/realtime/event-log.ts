// Every state change writes one event-log row and NOTIFYs its id, inside the change's transaction.
import type { Tx } from '../db/client';
import type { PgTransaction } from '../db/pg-transaction';
import { notifyAfterCommit } from '../db/transaction';
import { insertConversationEvents, insertSummaryEvents } from '../db/sql/event-log';
import { loadScope, scopeOfSummary } from '../auth/conversation-access';
import type { ConsoleEvent, EventScope } from '../views/types';

export const EVENT_CHANNEL = 'console_events';

/**
 * Call inside a `transaction()`: listeners are woken after it commits. Ids may become visible out
 * of order; readers deliver contiguous runs only (lib/realtime/event-order.ts, decision 002).
 */
export async function appendEvent(tx: Tx, event: ConsoleEvent): Promise<bigint> {
  // Who may receive it travels with it, so every stream can filter without asking the database.
  const scope =
    'conversation' in event ? scopeOfSummary(event.conversation) : event.conversationId ? await loadScope(tx, event.conversationId) : null;
  const row = await tx.event.create({
    data: { type: event.type, conversationId: event.conversationId ?? null, payload: { ...event, scope } as object },
    select: { id: true },
  });
  notifyAfterCommit(tx, EVENT_CHANNEL);
  return row.id;
}

/** A `conversation.erased` event for each conversation, scoped as it was before the erasure. */
export async function appendErasureEvents(tx: Tx, erased: { id: string; scope: EventScope }[]): Promise<void> {
  if (erased.length === 0) return;
  await tx.event.createMany({
    data: erased.map(({ id, scope }) => {
      const event: ConsoleEvent = { type: 'conversation.erased', conversationId: null, erasedConversationId: id };
      return { type: event.type, conversationId: null, payload: { ...event, scope } };
    }),
  });
  notifyAfterCommit(tx, EVENT_CHANNEL);
}

/** Events about one conversation that carry no conversation summary: their scope is read from the database. */
export type ConversationEvent = Exclude<ConsoleEvent, { conversation: unknown } | { conversationId: null }>;

/** `appendEvent` for several such events in one statement, on a plain `pg` transaction. */
export async function appendEventsPg(tx: PgTransaction, events: ConversationEvent[]): Promise<void> {
  if (events.length === 0) return;
  await insertConversationEvents(tx.client, events, new Date());
  tx.notifyAfterCommit(EVENT_CHANNEL);
}

/** A `conversation.updated` event (summary computed by PostgreSQL) for each of these conversations, on a plain `pg` transaction. */
export async function appendSummaryEventsPg(tx: PgTransaction, conversationIds: string[]): Promise<void> {
  await insertSummaryEvents(tx.client, conversationIds, new Date());
  tx.notifyAfterCommit(EVENT_CHANNEL);
}
