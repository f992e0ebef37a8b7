// Every state change writes one event-log row and NOTIFYs its id, inside the change's transaction.
import type { Tx } from '../db/client';
import type { ConsoleEvent } from '../views/types';

export const EVENT_CHANNEL = 'console_events';
/**
 * Writers take this transaction-scoped lock right before inserting, so event ids become visible in
 * id order: a reader that has seen id N can never later find a committed id below N (no gaps).
 * Keep appendEvent the last statement of a transaction: the lock is held until commit.
 */
const EVENT_LOG_LOCK = 7_301_001;

export async function appendEvent(tx: Tx, event: ConsoleEvent): Promise<bigint> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${EVENT_LOG_LOCK})`);
  const row = await tx.event.create({
    data: { type: event.type, conversationId: event.conversationId ?? null, payload: event as object },
    select: { id: true },
  });
  await tx.$executeRaw`SELECT pg_notify(${EVENT_CHANNEL}, ${row.id.toString()})`;
  return row.id;
}
