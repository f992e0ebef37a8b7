// Every state change writes one event-log row and NOTIFYs its id, inside the change's transaction.
import type { Tx } from '../db/client';
import { notifyAfterCommit } from '../db/transaction';
import { loadScope, scopeOfSummary } from '../auth/conversation-access';
import type { ConsoleEvent } from '../views/types';

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
