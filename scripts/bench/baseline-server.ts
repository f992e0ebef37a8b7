// The transaction baseline the ingest benchmark compares against: node:http + pg, doing the equivalent
// insert (next seq of the conversation, one activity row, in a transaction) with no framework,
// auth, dedupe or realtime: Direct Line activities, and Event Grid batches one event at a time.
// The barer one (a single INSERT) is bare-insert-server.ts.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

interface Incoming {
  type: string;
  text: string | null;
  fromId: string | null;
  raw: unknown;
}

export async function startBaselineServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  // Idle connections kept, as the app keeps them: pg's default closes a burst's worth at once ten
  // seconds later, a stall in the middle of the next run that is not this server's doing.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 0 });

  async function insert(where: string, key: string, activity: Incoming): Promise<string> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string; lastSeq: number }>(
        `UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1 WHERE ${where} = $1 RETURNING id, "lastSeq"`,
        [key],
      );
      const id = randomUUID();
      await client.query(
        `INSERT INTO "Activity" (id, "conversationId", seq, type, direction, "fromId", text, raw, "updatedAt")
         VALUES ($1, $2, $3, $4, 'inbound', $5, $6, $7, now())`,
        [id, rows[0]!.id, rows[0]!.lastSeq, activity.type, activity.fromId, activity.text, activity.raw],
      );
      await client.query('COMMIT');
      return id;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function handle(request: IncomingMessage, body: string): Promise<unknown> {
    const directLine = /^\/v3\/directline\/conversations\/([^/]+)\/activities$/.exec(request.url ?? '');
    if (directLine) {
      const activity = JSON.parse(body) as { type: string; text?: string; from?: { id?: string } };
      const id = await insert('id', directLine[1]!, { type: activity.type, text: activity.text ?? null, fromId: activity.from?.id ?? null, raw: activity });
      return { id };
    }
    if (request.url === '/api/eventgrid/acs') {
      for (const event of JSON.parse(body) as { data: { from: string; to: string; content: string } }[]) {
        await insert('"externalId"', `${event.data.to}:${event.data.from}`, { type: 'message', text: event.data.content, fromId: event.data.from, raw: event.data });
      }
      return {};
    }
    return null;
  }

  const server = await serveJson(handle);
  return {
    url: server.url,
    async close() {
      await server.close();
      await pool.end();
    },
  };
}

/**
 * A bare `node:http` server: the whole body read, `handle` answers with a JSON body (`null`: 404, a
 * number: that status with no body); a failure is a 500.
 */
export async function serveJson(
  handle: (request: IncomingMessage, body: string) => Promise<unknown>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, Buffer.concat(chunks).toString('utf8')).then(
        (answer) => {
          if (answer === null) response.writeHead(404).end();
          else if (typeof answer === 'number') response.writeHead(answer).end();
          else response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
        },
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
