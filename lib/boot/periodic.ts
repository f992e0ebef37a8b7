// Background upkeep every instance runs on its own small pool: once at start, then every `everyMs`,
// never two passes at once; a failed pass is logged and the next one retries.
import { createDb, type Db } from '../db/client';
import { logger } from '../log/logger';

export function runPeriodically(databaseUrl: string, everyMs: number, pass: (db: Db) => Promise<unknown>, failure: string): () => Promise<void> {
  const db = createDb(databaseUrl, 1);
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= pass(db)
      .then(() => undefined)
      .catch((error: unknown) => logger.warn({ err: error }, failure))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
    await db.$disconnect();
  };
}
