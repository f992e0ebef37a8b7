// PostgreSQL restarted under traffic: requests fail fast with 503 while it is down, the app recovers
// by itself, and nothing it accepted is lost. A database server and an app instance of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { freePort } from '@/lib/db/free-port';
import { TEST_DIRECTLINE_SECRET } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

const dataDir = path.resolve('.data', `restart-${process.pid}`);
let server: EmbeddedDatabase | null = null;
let app: ChildProcess | null = null;

afterAll(async () => {
  app?.kill('SIGKILL');
  await server?.stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

interface Sent {
  /** 0: no answer in time. */
  status: number;
  id?: string;
  clientId: string;
  code?: string;
}

describe('PostgreSQL restarted under traffic', () => {
  it('answers 503 while it is down, recovers by itself, and loses nothing it accepted', { timeout: 150_000 }, async () => {
    const pgPort = await freePort();
    server = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await server.createDatabase('console');
    const databaseUrl = server.urlFor('console');
    const appPort = await freePort();
    const url = `http://127.0.0.1:${appPort}`;
    app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(appPort), CONSOLE_URL: url, PUBLIC_URL: url, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const output of [app.stdout, app.stderr]) output?.on('data', (chunk: Buffer) => process.env.DEBUG_RESTART && process.stderr.write(chunk));
    await waitUntil(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status === 200, 60_000, 'the app is up');

    const started = await fetch(`${url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_DIRECTLINE_SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: 'restart-user', name: 'Restart' } }),
    });
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };

    const sent: Sent[] = [];
    let sending = true;
    const traffic = (async () => {
      while (sending) {
        const clientId = randomUUID();
        try {
          const response = await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ type: 'message', from: { id: 'restart-user' }, text: `m ${clientId}`, channelData: { clientActivityID: clientId } }),
            // No hang: every answer within a few seconds, database or not.
            signal: AbortSignal.timeout(10_000),
          });
          const body = (await response.json().catch(() => ({}))) as { id?: string; error?: { code: string } };
          sent.push({ status: response.status, id: body.id, clientId, code: body.error?.code });
        } catch (error) {
          sent.push({ status: 0, clientId, code: String(error) });
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await waitUntil(async () => sent.filter((s) => s.status === 200).length >= 20 || undefined, 20_000, 'traffic flows');
    await server.stop();
    await waitUntil(
      async () => sent.filter((s) => s.status === 503).length >= 5 || undefined,
      30_000,
      'requests answer 503 while the database is down',
    ).catch((error: Error) => {
      throw new Error(`${error.message}; answers since: ${JSON.stringify(sent.slice(-8).map((s) => [s.status, s.code]))}`);
    });
    server = await startEmbeddedPostgres({ dataDir, port: pgPort });
    const downAt = sent.length;
    await waitUntil(async () => sent.slice(downAt).filter((s) => s.status === 200).length >= 20 || undefined, 60_000, 'the app recovers by itself');
    sending = false;
    await traffic;

    const statuses = new Set(sent.map((s) => s.status));
    expect([...statuses].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    const accepted = sent.filter((s) => s.status === 200);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const stored = await client.query<{ id: string; clientActivityId: string }>(
        `SELECT a.id, a."clientActivityId" FROM "Activity" a JOIN "Conversation" c ON c.id = a."conversationId" WHERE c."externalId" = $1 AND a.type = 'message'`,
        [conversationId],
      );
      const storedIds = new Set(stored.rows.map((row) => row.id));
      expect(accepted.filter((s) => !storedIds.has(s.id!))).toEqual([]);
      // Nothing half-stored either: what was refused is not there.
      const refusedClientIds = new Set(sent.filter((s) => s.status === 503).map((s) => s.clientId));
      expect(stored.rows.filter((row) => refusedClientIds.has(row.clientActivityId))).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
