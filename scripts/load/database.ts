// Where load data lives: DATABASE_URL when set, else a database per size (`load_1000000x20`, `load_1000000x2_180d`) on the
// embedded server the benchmarks use (.data/bench-postgres), so a quick small load never replaces
// the full one.
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { migrate } from '../../lib/db/migrate';
import { ISSUE_SIZE, type LoadSize } from './seed';

export const BENCH_SERVER_DIR = path.resolve('.data', 'bench-postgres');

export const loadDatabaseName = (size: LoadSize) =>
  `load_${size.conversations}x${size.activitiesPerConversation}${size.spanDays === ISSUE_SIZE.spanDays ? '' : `_${size.spanDays}d`}`;

/** The load database of this size on the server of `serverUrl` (any database there), created and migrated. */
export async function loadDatabaseOn(serverUrl: string, size: LoadSize): Promise<string> {
  const name = loadDatabaseName(size);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return url.toString();
}

/** DATABASE_URL (migrated), or this size's database on the embedded benchmark server. */
export async function openLoadDatabase(size: LoadSize): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    await migrate(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, close: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: BENCH_SERVER_DIR });
  try {
    return { url: await loadDatabaseOn(server.serverUrl, size), close: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
