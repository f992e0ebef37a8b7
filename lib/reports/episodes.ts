import 'server-only';
import { db as defaultDb, type Db } from '../db/client';
import { episodeRows, type ReportFilter } from '../db/sql/reports';
import type { EpisodeRow } from '../protocol/console';
import { toCsv } from './csv';

/** Seconds as reports show them: to the millisecond. */
export const roundSeconds = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);

/** The episodes that started or closed in the period (docs/metrics.md), oldest entry first. */
export async function listEpisodes(filter: ReportFilter, db: Db = defaultDb()): Promise<EpisodeRow[]> {
  const found = await episodeRows(db, filter);
  return found.map((row) => ({
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
  }));
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
];

/** The same episodes as `listEpisodes`, as the CSV export. */
export async function episodesCsv(filter: ReportFilter, db: Db = defaultDb()): Promise<string> {
  const rows = await listEpisodes(filter, db);
  return toCsv(
    COLUMNS.map(([name]) => name),
    rows.map((row) => COLUMNS.map(([, value]) => value(row))),
  );
}
