import pg from 'pg';

async function run(databaseUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Each section starts from a checkpoint, so none pays for the writes of the one before. */
export function checkpoint(databaseUrl: string): Promise<void> {
  return run(databaseUrl, ['CHECKPOINT']);
}

/**
 * Vacuumed and checkpointed: a measured run then does not pay for the autovacuum and the full-page
 * writes that the rows of the run before it (another server's, often) would bring within seconds.
 */
export function settle(databaseUrl: string): Promise<void> {
  return run(databaseUrl, ['VACUUM (ANALYZE)', 'CHECKPOINT']);
}
