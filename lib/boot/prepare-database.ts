// Everything that must be true of the database before the app serves: embedded server if no
// DATABASE_URL, migrations applied, default rows, and the demo accounts when asked for.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createDemoAccounts } from '../auth/demo-accounts';
import type { Env } from '../config/env';
import { ensureDefaults } from '../conversations/defaults';
import { createDb } from '../db/client';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres';
import { migrate } from '../db/migrate';

export interface PreparedDatabase {
  databaseUrl: string;
  embedded: EmbeddedDatabase | null;
  demoAccounts: boolean;
  appliedMigrations: string[];
}

export const EMBEDDED_DATABASE = 'agent_console';

export async function prepareDatabase(config: Env, log: (line: string) => void): Promise<PreparedDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.DATA_DIR, 'postgres'), log });
    await embedded.createDatabase(EMBEDDED_DATABASE);
    databaseUrl = embedded.urlFor(EMBEDDED_DATABASE);
  }
  try {
    const { applied, modified } = await migrate(databaseUrl);
    for (const name of modified) log(`warning: migration ${name} changed after it was applied`);
    const db = createDb(databaseUrl, 2);
    const demoAccounts = config.DEMO_ACCOUNTS ?? embedded !== null;
    try {
      await ensureDefaults(db);
      if (demoAccounts) await createDemoAccounts(db);
    } finally {
      await db.$disconnect();
    }
    return { databaseUrl, embedded, demoAccounts, appliedMigrations: applied };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** SESSION_SECRET when set; otherwise one generated once and kept under DATA_DIR. */
export function resolveSessionSecret(config: Env): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  mkdirSync(config.DATA_DIR, { recursive: true });
  const file = path.join(config.DATA_DIR, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
