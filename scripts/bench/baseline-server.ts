// The bare baseline the ingest benchmark compares against: node:http + pg, doing the equivalent
// insert (next seq of the conversation, one activity row) with no framework, auth or realtime.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

export async function startBaselineServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server: Server = createServer((request, response) => {
    const match = /^\/v3\/directline\/conversations\/([^/]+)\/activities$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const client = await pool.connect();
      try {
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; text?: string; from?: { id?: string } };
        await client.query('BEGIN');
        const { rows } = await client.query<{ lastSeq: number }>(
          'UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1 WHERE id = $1 RETURNING "lastSeq"',
          [match[1]],
        );
        const id = randomUUID();
        await client.query(
          `INSERT INTO "Activity" (id, "conversationId", seq, type, direction, "fromId", text, raw, "updatedAt")
           VALUES ($1, $2, $3, $4, 'inbound', $5, $6, $7, now())`,
          [id, match[1], rows[0]!.lastSeq, activity.type, activity.from?.id ?? null, activity.text ?? null, activity],
        );
        await client.query('COMMIT');
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id }));
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        response.writeHead(500).end(String(error));
      } finally {
        client.release();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
