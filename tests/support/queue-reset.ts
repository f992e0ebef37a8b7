// Fixtures for routing tests in the shared test database: an empty queue and an agent of their own.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import { withClient } from './scratch-db';

function withDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the suite with `npm test` (scripts/test.ts)');
  return withClient(url, fn);
}

/**
 * Closes every conversation still waiting, and withdraws pending offers, so a routing test starts
 * from an empty queue (routing rightly offers the longest-waiting conversation first, and earlier
 * tests leave many waiting in the shared test database).
 */
export async function emptyTheQueues(): Promise<void> {
  await withDatabase(async (client) => {
    await client.query(`UPDATE "Offer" SET state = 'cancelled', "respondedAt" = now() WHERE state = 'pending'`);
    await client.query(
      `UPDATE "Conversation" SET state = 'closed', "closedAt" = now(), version = version + 1 WHERE state IN ('queued', 'offered')`,
    );
  });
}

/** A new agent in the General queue (password `demo-password`), with no conversations yet. */
export async function newAgent(displayName: string): Promise<{ email: string; displayName: string }> {
  const email = `${displayName.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@e2e.test`;
  const passwordHash = await hashPassword('demo-password');
  await withDatabase(async (client) => {
    const id = randomUUID();
    await client.query(
      `INSERT INTO "Agent" (id, email, "displayName", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [id, email, displayName, passwordHash],
    );
    await client.query(`INSERT INTO "QueueMember" ("queueId", "agentId") SELECT id, $1 FROM "Queue" WHERE name = 'General'`, [id]);
  });
  return { email, displayName };
}
