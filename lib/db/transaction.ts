// Transactions that wake listeners (the realtime hub, outbox workers) once they have committed.
// NOTIFY inside a transaction would serialise every such commit, fsync included, behind
// PostgreSQL's global notification-queue lock; sent after commit it costs one cheap round trip.
// Should the process die in between, listeners still catch up: they also check on a timer.
import { logger } from '../log/logger';
import type { Db, Tx } from './client';

const pending = new WeakMap<Tx, Set<string>>();

/** Asks the surrounding `transaction()` to NOTIFY `channel` after it commits. */
export function notifyAfterCommit(tx: Tx, channel: string): void {
  let channels = pending.get(tx);
  if (!channels) pending.set(tx, (channels = new Set()));
  channels.add(channel);
}

export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  let channels: Set<string> | undefined;
  const result = await db.$transaction(async (tx) => {
    try {
      return await fn(tx);
    } finally {
      channels = pending.get(tx);
    }
  }, options);
  for (const channel of channels ?? []) {
    await db.$executeRaw`SELECT pg_notify(${channel}, '')`.catch((error: unknown) =>
      logger.warn({ err: error, channel }, 'notify after commit failed; listeners will catch up on their timer'),
    );
  }
  return result;
}
