// Every state change writes one event-log row and NOTIFYs its id, inside the change's transaction.
import type { Tx } from '../db/client';
import { notifyAfterCommit } from '../db/transaction';
import type { ConsoleEvent } from '../views/types';

export const EVENT_CHANNEL = 'console_events';

/**
 * Call inside a `transaction()`: listeners are woken after it commits. Ids may become visible out
 * of order; readers deliver contiguous runs only (lib/realtime/event-order.ts, decision 002).
 */
export async function appendEvent(tx: Tx, event: ConsoleEvent): Promise<bigint> {
  const row = await tx.event.create({
    data: { type: event.type, conversationId: event.conversationId ?? null, payload: event as object },
    select: { id: true },
  });
  notifyAfterCommit(tx, EVENT_CHANNEL);
  return row.id;
}
