import 'server-only';
import { db as defaultDb, type Db } from '../db/client';
import { episodeRows, type EpisodeKey, type ReportFilter } from '../db/sql/reports';
import { badRequest } from '../errors/app-error';
import { decodeCursor, encodeCursor } from '../errors/keyset-cursor';
import type { EpisodePage, EpisodeRow } from '../protocol/console';
import { csvRow } from './csv';

/** Seconds as reports show them: to the millisecond. */
export const roundSeconds = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);

type Found = Awaited<ReturnType<typeof episodeRows>>[number];


function keyOf(cursor: string | undefined): EpisodeKey | null {
  if (cursor === undefined) return null;
  const { at, id } = decodeCursor(cursor);
  if (!/^\d{1,18}$/.test(id)) throw badRequest('BadCursor', 'The cursor is not one this server handed out.');
  return { queuedAt: at, id };
}

/** One page of the episodes that started or closed in the period (docs/metrics.md), oldest entry first. */
export async function listEpisodes(filter: ReportFilter, page: { cursor?: string; limit: number }, db: Db = defaultDb()): Promise<EpisodePage> {
  const found = await episodeRows(db, filter, { after: keyOf(page.cursor), limit: page.limit + 1 });
  const items = found.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map(toEpisodeRow), nextCursor: found.length > page.limit && last ? encodeCursor(last.queuedAt, last.id) : null };
}

function toEpisodeRow(row: Found): EpisodeRow {
  return {
    conversationId: row.conversationId,
    episode: row.episode,
    source: row.source as EpisodeRow['source'],
    channel: row.channel as EpisodeRow['channel'],
    queue: row.queue,
    customer: row.customer,
    agent: row.agent,
    queuedAt: row.queuedAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    waitSeconds: roundSeconds(row.waitSeconds),
    firstResponseSeconds: roundSeconds(row.firstResponseSeconds),
    handleSeconds: roundSeconds(row.handleSeconds),
    customerMessages: row.customerMessages,
    agentMessages: row.agentMessages,
    transfers: row.transfers,
    consults: row.consults,
    botHandled: row.botHandled,
    abandoned: row.abandoned,
    csat: row.csat,
    csatComment: row.csatComment,
    nextResponses: row.nextResponses ?? 0,
    nextResponseMeanSeconds: roundSeconds(row.nextResponseMeanSeconds),
    nextResponseMaxSeconds: roundSeconds(row.nextResponseMaxSeconds),
    nextResponsesWithinSla: row.nextResponsesWithinSla,
  };
}

/** The CSV's columns (CONTRACT.md "Reports", and more): each a name and where its value comes from. */
const COLUMNS: [string, (row: EpisodeRow) => string | number | boolean | null][] = [
  ['conversation_id', (r) => r.conversationId],
  ['episode', (r) => r.episode],
  ['source', (r) => r.source],
  ['channel', (r) => r.channel],
  ['queue', (r) => r.queue],
  ['customer', (r) => r.customer],
  ['agent', (r) => r.agent],
  ['queued_at', (r) => r.queuedAt],
  ['accepted_at', (r) => r.acceptedAt],
  ['first_response_at', (r) => r.firstResponseAt],
  ['closed_at', (r) => r.closedAt],
  ['wait_seconds', (r) => r.waitSeconds],
  ['first_response_seconds', (r) => r.firstResponseSeconds],
  ['handle_seconds', (r) => r.handleSeconds],
  ['customer_messages', (r) => r.customerMessages],
  ['agent_messages', (r) => r.agentMessages],
  ['transfers', (r) => r.transfers],
  ['consults', (r) => r.consults],
  ['bot_handled', (r) => r.botHandled],
  ['abandoned', (r) => r.abandoned],
  ['csat', (r) => r.csat],
  ['csat_comment', (r) => r.csatComment],
  ['next_responses', (r) => r.nextResponses],
  ['next_response_mean_seconds', (r) => r.nextResponseMeanSeconds],
  ['next_response_max_seconds', (r) => r.nextResponseMaxSeconds],
  ['next_responses_within_sla', (r) => r.nextResponsesWithinSla],
];

/**
 * The same episodes as `listEpisodes`, as the CSV export: a stream that reads the next page only
 * when the client has taken the last, so a period of any size never sits in memory.
 */
export function episodesCsv(filter: ReportFilter, pageRows: number, db: Db = defaultDb()): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: EpisodeKey | null = null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(COLUMNS.map(([name]) => name))));
    },
    async pull(controller) {
      if (done) return;
      const found = await episodeRows(db, filter, { after, limit: pageRows });
      const last = found.at(-1);
      if (last) after = { queuedAt: last.queuedAt, id: last.id };
      const records = found.map(toEpisodeRow).map((row) => csvRow(COLUMNS.map(([, value]) => value(row))));
      controller.enqueue(encoder.encode(records.join('')));
      if (found.length < pageRows) {
        done = true;
        controller.close();
      }
    },
  });
}
