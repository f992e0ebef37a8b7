// The barest server a user could write for ingest (issue 20): node:http + pg, check the bearer, parse
// the JSON, one INSERT of the activity, answer `{id}`. No seq from the conversation (a sequence of its
// own, far above any conversation's), no dedupe, no realtime. An Event Grid batch is one multi-row INSERT.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pg from 'pg';
import { serveJson } from './baseline-server';

/** Far above the app's own seqs in the same conversations (`seq` is an int). */
const SEQ_START = 1_000_000_000;

const INSERT_COLUMNS = `(id, "conversationId", seq, type, direction, "fromId", text, raw, "updatedAt")`;

/** `tokens`: each Direct Line conversation's bearer token, as the app handed it out. */
export async function startBareInsertServer(databaseUrl: string, tokens: Map<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  // Idle connections kept, as the app keeps them: pg's default closes a burst's worth at once ten
  // seconds later, a stall in the middle of the next run that is not this server's doing.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 0 });
  await pool.query(`CREATE SEQUENCE IF NOT EXISTS bench_bare_seq START ${SEQ_START}`);

  async function handle(request: IncomingMessage, body: string): Promise<unknown> {
    const directLine = /^\/v3\/directline\/conversations\/([^/]+)\/activities$/.exec(request.url ?? '');
    if (directLine) {
      const conversationId = directLine[1]!;
      const token = tokens.get(conversationId);
      if (!token || request.headers.authorization !== `Bearer ${token}`) return 401;
      const activity = JSON.parse(body) as { type: string; text?: string; from?: { id?: string } };
      const id = randomUUID();
      await pool.query(
        `INSERT INTO "Activity" ${INSERT_COLUMNS} VALUES ($1, $2, nextval('bench_bare_seq'), $3, 'inbound', $4, $5, $6, now())`,
        [id, conversationId, activity.type, activity.from?.id ?? null, activity.text ?? null, activity],
      );
      return { id };
    }
    if (request.url === '/api/eventgrid/acs') {
      const events = JSON.parse(body) as { data: { from: string; to: string; content: string } }[];
      await pool.query(
        `INSERT INTO "Activity" ${INSERT_COLUMNS}
         SELECT gen_random_uuid(), c.id, nextval('bench_bare_seq'), 'message', 'inbound', e."from", e.content, e.raw, now()
         FROM jsonb_to_recordset($1::jsonb) AS e("externalId" text, "from" text, content text, raw jsonb)
         JOIN "Conversation" c ON c."externalId" = e."externalId"`,
        [JSON.stringify(events.map((event) => ({ externalId: `${event.data.to}:${event.data.from}`, from: event.data.from, content: event.data.content, raw: event.data })))],
      );
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
