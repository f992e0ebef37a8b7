// `transaction()` (transaction.ts) for the SQL pool under a Prisma client (`sqlPool`): the same
// NOTIFY-after-commit rule, and BEGIN carries the time limit in the same round trip.
import type pg from 'pg';
import { sqlPool, type Db } from './client';
import { notifySoon } from './notify';

export interface PgTransaction {
  client: pg.PoolClient;
  /** Wake listeners on `channel` once this transaction has committed. */
  notifyAfterCommit(channel: string): void;
}

export async function pgTransaction<T>(db: Db, fn: (tx: PgTransaction) => Promise<T>, options: { timeoutMs: number }): Promise<T> {
  const pool = sqlPool(db);
  const client = await pool.connect();
  const channels = new Set<string>();
  try {
    // Should the work hang, the server ends the session, which rolls back and releases every lock.
    await client.query(`BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${Math.ceil(options.timeoutMs)}`);
    const result = await fn({ client, notifyAfterCommit: (channel) => channels.add(channel) });
    await client.query('COMMIT');
    client.release();
    notifySoon(pool, channels);
    return result;
  } catch (error) {
    // ROLLBACK also tells whether the connection still works: a broken one is not handed out again.
    const broken = await client.query('ROLLBACK').then(
      () => undefined,
      (rollbackError: Error) => rollbackError,
    );
    client.release(broken);
    throw error;
  }
}
