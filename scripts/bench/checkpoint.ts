import pg from 'pg';

/** Each section starts from a checkpoint, so none pays for the writes of the one before. */
export async function checkpoint(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('CHECKPOINT').finally(() => client.end());
}
