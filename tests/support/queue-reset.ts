import pg from 'pg';

/**
 * Closes every conversation still waiting, and withdraws pending offers, so a routing test starts
 * from an empty queue (routing rightly offers the longest-waiting conversation first, and earlier
 * tests leave many waiting in the shared test database).
 */
export async function emptyTheQueues(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the suite with `npm test` (scripts/test.ts)');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "Offer" SET state = 'cancelled', "respondedAt" = now() WHERE state = 'pending'`);
    await client.query(
      `UPDATE "Conversation" SET state = 'closed', "closedAt" = now(), version = version + 1 WHERE state IN ('queued', 'offered')`,
    );
  } finally {
    await client.end();
  }
}
