import { createDb } from '../db/client';
import { logger } from '../log/logger';
import { OutboxWorker } from './worker';

/** Starts an outbox worker on its own connection pool; resolves to a stop function. */
export async function runOutboxWorker(
  databaseUrl: string,
  { concurrency, batchSize }: { concurrency: number; batchSize: number },
): Promise<() => Promise<void>> {
  // A connection per slot, one for the idle timer, notifications and the rare reads a channel needs.
  const db = createDb(databaseUrl, concurrency + 2);
  const worker = new OutboxWorker(db, { connectionString: databaseUrl, concurrency, batchSize });
  await worker.start();
  logger.info({ concurrency, batchSize }, 'outbox worker started');
  return async () => {
    await worker.stop();
    await db.$disconnect();
  };
}
