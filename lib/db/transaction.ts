// Transactions that wake listeners (the realtime hub, outbox workers) once they have committed.
// NOTIFY inside a transaction would serialise every such commit, fsync included, behind
// PostgreSQL's global notification-queue lock; sent after commit (lib/db/notify.ts) it costs one
// cheap round trip per burst. Should the process die in between, listeners still catch up: they
// also check on a timer.
import { sqlPool, type Db, type Tx } from './client';
import { notifySoon } from './notify';

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
  if (channels) notifySoon(sqlPool(db), channels);
  return result;
}
