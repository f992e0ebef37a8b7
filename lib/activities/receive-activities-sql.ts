// The ingest statement: customers' activities, of one conversation or of many, stored in one round
// trip and one commit (activity-batches.ts decides which go together). For each conversation it
// allocates consecutive seqs in arrival order, bumps the counters and queues the conversation when
// needed, as storing the activities one by one would; for each activity it inserts the row, claims
// its files and writes the realtime event (summary computed in SQL, lib/conversations/summary-sql.ts).
// A conversation it queues gets its episode row (docs/metrics.md); other messages add no write for reports.
// A conversation whose queue has a bot goes to the bot instead (state `bot`, no episode), and the
// activities of a conversation the bot holds become deliveries to the bot channel (issue 19).
// An activity whose conversation does not exist, or (when not waiting) is locked by another
// transaction, gets no row.
//
// $1 the activities as a JSON array of `ActivityRow` (with their index `k`), $2 now, $3 the
// environment's bot channel (null when AGENT_BOT_* are unset).
import type pg from 'pg';
import { scopeJsonSql, summaryJsonSql } from '../conversations/summary-sql';

/** One activity as the statement reads it. */
export interface ActivityRow {
  /** Our id for the conversation, or null with the two below. */
  conversationId: string | null;
  channelId: string | null;
  /** The channel's own id for the conversation. */
  externalConversationId: string | null;
  isMessage: boolean;
  /** The inbox's last-message text. */
  preview: string | null;
  /** Where a first message queues the conversation. */
  queueId: string | null;
  id: string;
  type: string;
  dedupeKey: string | null;
  externalId: string | null;
  clientActivityId: string | null;
  fromId: string | null;
  fromName: string | null;
  fromRole: string | null;
  agentId: string | null;
  text: string | null;
  textFormat: string | null;
  locale: string | null;
  name: string | null;
  replyToId: string | null;
  timestamp: string;
  /** When it arrived (its view says so too); the conversation's times are the statement's. */
  createdAt: string;
  raw: unknown;
  /** Attachments stored beforehand that the activity carries. */
  files: string[];
  /** The realtime event's activity (its conversation, seq and files filled in by the statement). */
  view: unknown;
}

export type StoredActivity = { id: string; seq: number; toBot: boolean };

/** Each field's SQL type, as the statement reads the rows: the compiler keeps it whole. */
const COLUMN_TYPES: Record<keyof ActivityRow | 'k', string> = {
  k: 'int',
  conversationId: 'text',
  channelId: 'text',
  externalConversationId: 'text',
  isMessage: 'boolean',
  preview: 'text',
  queueId: 'text',
  id: 'text',
  type: 'text',
  dedupeKey: 'text',
  externalId: 'text',
  clientActivityId: 'text',
  fromId: 'text',
  fromName: 'text',
  fromRole: 'text',
  agentId: 'text',
  text: 'text',
  textFormat: 'text',
  locale: 'text',
  name: 'text',
  replyToId: 'text',
  timestamp: 'timestamp(3)',
  createdAt: 'timestamp(3)',
  raw: 'jsonb',
  files: 'text[]',
  view: 'jsonb',
};

const columns = Object.entries(COLUMN_TYPES)
  .map(([name, type]) => `"${name}" ${type}`)
  .join(', ');

const queues = `p.messages > 0 AND t.state IN ('pending', 'closed')`;

/** The first (or, `DESC`, the last) non-null value of `column` among a conversation's activities in arrival order. */
const inOrder = (column: string, filter: string, direction = '') =>
  `(array_agg(${column} ORDER BY i.k${direction}) FILTER (WHERE ${column} IS NOT NULL${filter}))[1]`;

/**
 * `wait`: whether to wait for a conversation row another transaction holds, or to leave that
 * conversation's activities out (a batch never waits, so batches cannot deadlock one another; what
 * they leave out is stored right after, waiting).
 */
const receiveActivitiesSql = (wait: boolean) => `
WITH i AS MATERIALIZED (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(${columns})
), named AS MATERIALIZED (
  -- Our id, or the channel's id for the conversation (its unique index).
  SELECT i.k, coalesce(i."conversationId", (SELECT x.id FROM "Conversation" x
    WHERE x."channelId" = i."channelId" AND x."externalId" = i."externalConversationId")) AS "conversationId"
  FROM i
), locked AS (
  SELECT t.id FROM "Conversation" t WHERE t.id IN (SELECT "conversationId" FROM named) FOR UPDATE OF t${wait ? '' : ' SKIP LOCKED'}
), p AS (
  -- What a conversation's activities do to it, taken in arrival order: as if stored one by one.
  SELECT n."conversationId" AS id, count(*)::int AS n, count(*) FILTER (WHERE i."isMessage")::int AS messages,
    ${inOrder('i.preview', ' AND i."isMessage"', ' DESC')} AS preview,
    ${inOrder('i."fromId"', '')} AS "fromId",
    ${inOrder('i."fromName"', '')} AS "fromName",
    ${inOrder('i."queueId"', ' AND i."isMessage"')} AS "queueId"
  FROM named n JOIN i ON i.k = n.k
  WHERE n."conversationId" IN (SELECT id FROM locked)
  GROUP BY n."conversationId"
), pb AS (
  -- The bot of the queue a message would put the conversation in: the queue's own, the environment's, or none.
  SELECT p.*, CASE q."botMode" WHEN 'own' THEN q."botChannelId" WHEN 'environment' THEN $3::text END AS bot
  FROM p JOIN "Conversation" x ON x.id = p.id LEFT JOIN "Queue" q ON q.id = coalesce(x."queueId", p."queueId")
), c AS (
  UPDATE "Conversation" t SET
    "lastSeq" = t."lastSeq" + p.n,
    "lastActivityAt" = $2,
    "unreadCount" = t."unreadCount" + p.messages,
    "lastInboundAt" = CASE WHEN p.messages > 0 THEN $2 ELSE t."lastInboundAt" END,
    "lastText" = CASE WHEN p.messages > 0 THEN coalesce(p.preview, t."lastText") ELSE t."lastText" END,
    "customerId" = coalesce(t."customerId", p."fromId"),
    "customerName" = coalesce(t."customerName", p."fromName"),
    -- The first message (or one after closing) puts the conversation in its queue.
    -- ... or with its bot, when the queue has one.
    state = CASE WHEN ${queues} THEN (CASE WHEN p.bot IS NULL THEN 'queued' ELSE 'bot' END)::"ConversationState" ELSE t.state END,
    "botChannelId" = CASE WHEN ${queues} AND p.bot IS NOT NULL THEN p.bot ELSE t."botChannelId" END,
    handoff = CASE WHEN ${queues} THEN NULL ELSE t.handoff END,
    "queueId" = CASE WHEN ${queues} THEN coalesce(t."queueId", p."queueId") ELSE t."queueId" END,
    "queuedAt" = CASE WHEN ${queues} AND p.bot IS NULL THEN $2 ELSE t."queuedAt" END,
    "ownerId" = CASE WHEN ${queues} THEN NULL ELSE t."ownerId" END,
    "closedAt" = CASE WHEN ${queues} THEN NULL ELSE t."closedAt" END,
    -- Each entry into the queue from pending or closed starts an episode (docs/metrics.md).
    episode = t.episode + CASE WHEN ${queues} AND p.bot IS NULL THEN 1 ELSE 0 END,
    version = t.version + CASE WHEN ${queues} THEN 1 ELSE 0 END
  FROM pb p
  WHERE t.id = p.id
  RETURNING t.*, p.n
), ep AS (
  -- The episode this statement began (queued it just now): its row, with what it began with. A
  -- message to a conversation already waiting matches no row or the row exists: nothing more.
  INSERT INTO "Episode" ("conversationId", number, source, "queueId", "channelId", "startSeq", "answeredSeq", "queuedAt")
  SELECT c.id, c.episode, (CASE WHEN c.episode = 1 THEN 'first_message' ELSE 'reopen' END)::"EpisodeSource", c."queueId",
    c."channelId", c."lastSeq" - c.n, c."lastSeq" - c.n, c."queuedAt"
  FROM c WHERE c.state = 'queued' AND c."queuedAt" = $2
  ON CONFLICT ("conversationId", number) DO NOTHING
), ci AS MATERIALIZED (
  -- Each stored activity with its conversation and seq: the seqs the conversation just gave out, in arrival order.
  SELECT i.*, c.id AS "storedIn", c."lastSeq" - c.n + row_number() OVER (PARTITION BY c.id ORDER BY i.k) AS seq
  FROM c JOIN named n ON n."conversationId" = c.id JOIN i ON i.k = n.k
), a AS (
  INSERT INTO "Activity" (id, "conversationId", seq, type, direction, "dedupeKey", "externalId", "clientActivityId",
    "fromId", "fromName", "fromRole", "agentId", text, "textFormat", locale, name, "replyToId", timestamp, raw,
    "deliveryState", "createdAt", "updatedAt")
  SELECT id, "storedIn", seq, type, 'inbound', "dedupeKey", "externalId", "clientActivityId", "fromId", "fromName",
    "fromRole", "agentId", text, "textFormat", locale, name, "replyToId", timestamp, raw, 'none', "createdAt", "createdAt"
  FROM ci
  ORDER BY k
  RETURNING id
), d AS (
  -- What the customer says to a conversation its bot holds goes to the bot, in order (the outbox).
  INSERT INTO "Delivery" (id, "activityId", "conversationId", "channelId")
  SELECT gen_random_uuid()::text, ci.id, c.id, c."botChannelId"
  FROM ci JOIN c ON c.id = ci."storedIn"
  WHERE c.state = 'bot' AND c."botChannelId" IS NOT NULL
  ORDER BY ci.k
  RETURNING "activityId"
), files AS (
  -- A file named by two activities goes to the first.
  UPDATE "Attachment" f SET "activityId" = x.id
  FROM (SELECT DISTINCT ON (file) id, "storedIn", file FROM (SELECT ci.k, ci.id, ci."storedIn", unnest(ci.files) AS file FROM ci) y ORDER BY file, k) x
  WHERE f.id = x.file AND f."conversationId" = x."storedIn" AND f."activityId" IS NULL
  RETURNING f.id, f.name, f."contentType", f.size, f.seq, f."activityId"
), s AS MATERIALIZED (
  -- Materialized: the scope below reads the summary four times, and would otherwise compute it four times more.
  -- One per conversation: each of its events carries the conversation as the statement left it.
  SELECT c.id, ${summaryJsonSql('c', 'ch')} AS summary FROM c JOIN "Channel" ch ON ch.id = c."channelId"
), e AS (
  INSERT INTO "Event" (type, "conversationId", payload, "createdAt")
  SELECT 'activity.created', s.id, jsonb_build_object(
    'type', 'activity.created',
    'conversationId', s.id,
    'activity', ci.view || jsonb_build_object('conversationId', s.id, 'seq', ci.seq, 'attachments',
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'name', name, 'contentType', "contentType", 'size', size) ORDER BY seq), '[]'::jsonb)
       FROM files WHERE files."activityId" = ci.id)),
    'conversation', s.summary,
    'scope', ${scopeJsonSql('s.summary')}), $2
  FROM ci JOIN s ON s.id = ci."storedIn"
  ORDER BY ci.k
)
SELECT ci.k, ci.id, ci.seq::int AS seq, EXISTS (SELECT 1 FROM d WHERE d."activityId" = ci.id) AS "toBot" FROM ci JOIN a ON a.id = ci.id`;

// Named, so each connection plans the statements once rather than on every call.
const WAITING = { name: 'receive-activities-waiting', text: receiveActivitiesSql(true) };
const SKIPPING = { name: 'receive-activities', text: receiveActivitiesSql(false) };

/** Stores the rows, answering for each its activity, or null where none was stored. */
export async function storeActivityRows(
  client: pg.ClientBase | pg.Pool,
  rows: ActivityRow[],
  options: { wait: boolean; environmentBot?: string | null },
): Promise<(StoredActivity | null)[]> {
  // Timestamps go as ISO strings: the columns are UTC `timestamp(3)` and pg would send local time.
  const values = [JSON.stringify(rows.map((row, k) => ({ ...row, k }))), new Date().toISOString(), options.environmentBot ?? null];
  const stored = (await client.query<StoredActivity & { k: number }>({ ...(options.wait ? WAITING : SKIPPING), values })).rows;
  const byIndex = new Map(stored.map((row) => [row.k, { id: row.id, seq: row.seq, toBot: row.toBot }]));
  return rows.map((_, k) => byIndex.get(k) ?? null);
}
