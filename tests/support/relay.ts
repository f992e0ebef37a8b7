import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** Test setup straight in the database: a custom channel of the test's own, relaying one conversation. */
export async function relayTo(conversationId: string, webhookUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const channelId = randomUUID();
    await client.query(`INSERT INTO "Channel" (id, kind, name, settings) VALUES ($1, 'custom', $2, $3)`, [
      channelId,
      `e2e-${channelId.slice(0, 8)}`,
      JSON.stringify({ webhookUrl, token: 'e2e-token' }),
    ]);
    await client.query(`UPDATE "Conversation" SET "outboundChannelId" = $1 WHERE id = $2`, [channelId, conversationId]);
  } finally {
    await client.end();
  }
}
