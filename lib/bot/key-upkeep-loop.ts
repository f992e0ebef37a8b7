// Every instance looks after the signing keys every few minutes: the automatic rotation when due and
// deleting retired keys. Instances doing it at once are harmless: one new generation wins.
import type { Env } from '../config/env';
import { runPeriodically } from '../boot/periodic';
import { maintainSigningKeys } from './signing-keys';

const EVERY_MS = 5 * 60_000;

export function runSigningKeyUpkeep(config: Env, databaseUrl: string): () => Promise<void> {
  const options = { prepublishSeconds: config.BOT_KEY_PREPUBLISH_SECONDS, rotationDays: config.BOT_KEY_ROTATION_DAYS };
  return runPeriodically(databaseUrl, EVERY_MS, (db) => maintainSigningKeys(options, db), 'signing key upkeep failed; the next run retries');
}
