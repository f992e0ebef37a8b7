import { env } from '../config/env';
import { createDb } from '../db/client';
import { logger } from '../log/logger';
import { OutboxWorker } from './worker';

/** Starts an outbox worker on its own connection pool; resolves to a stop function. */
export async function runOutboxWorker(databaseUrl: string, concurrency = env().OUTBOX_CONCURRENCY): Promise<() => Promise<void>> {
  const db = createDb(databaseUrl, concurrency + 2);
  const worker = new OutboxWorker(db, { connectionString: databaseUrl, concurrency });
  await worker.start();
  logger.info({ concurrency }, 'outbox worker started');
  return async () => {
    await worker.stop();
    await db.$disconnect();
  };
}
