// Every instance looks after the signing keys every few minutes: the automatic rotation when due and
// deleting retired keys. Instances doing it at once are harmless: one new generation wins.
import type { Env } from '../config/env';
import { createDb } from '../db/client';
import { logger } from '../log/logger';
import { maintainSigningKeys } from './signing-keys';

const EVERY_MS = 5 * 60_000;

export function runSigningKeyUpkeep(config: Env, databaseUrl: string): () => Promise<void> {
  const db = createDb(databaseUrl, 1);
  const options = { prepublishSeconds: config.BOT_KEY_PREPUBLISH_SECONDS, rotationDays: config.BOT_KEY_ROTATION_DAYS };
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= maintainSigningKeys(options, db)
      .catch((error: unknown) => logger.warn({ err: error }, 'signing key upkeep failed; the next run retries'))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, EVERY_MS);
  return async () => {
    clearInterval(timer);
    await running;
    await db.$disconnect();
  };
}
