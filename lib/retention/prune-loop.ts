// The worker prunes at start and every PRUNE_INTERVAL_SECONDS. Instances pruning at once are
// harmless: each batch skips the rows another holds.
import type { Env } from '../config/env';
import { createDb } from '../db/client';
import { logger } from '../log/logger';
import { metrics } from '../metrics/registry';
import { pruneTables } from './prune-tables';

export function runPruning(config: Env, databaseUrl: string): () => Promise<void> {
  const db = createDb(databaseUrl, 1);
  let stopped = false;
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= pruneTables(db, config, () => stopped)
      .then((counts) => {
        for (const [table, count] of Object.entries(counts)) if (count > 0) metrics().prunedRows.inc({ table }, count);
        if (counts.events || counts.deliveries || counts.processedEvents) logger.info(counts, 'pruned rows past their retention');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'pruning failed; the next pass retries'))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, config.PRUNE_INTERVAL_SECONDS * 1000);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await db.$disconnect();
  };
}
