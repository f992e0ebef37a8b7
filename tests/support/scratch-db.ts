import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { adminUrl } from './test-env';

/** Runs one statement on the test server's admin database (CREATE/DROP DATABASE). */
export async function onServer(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The same server URL, pointing at another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** An empty database of its own on the test server; `drop()` removes it. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  await onServer(adminUrl(), `CREATE DATABASE "${name}"`);
  return { url: withDatabase(adminUrl(), name), drop: () => onServer(adminUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
