// The ingest statement: customers' activities for one or several *different* conversations stored
// in one round trip and one commit (activity-batches.ts decides which go together). For each
// activity it finds the conversation, allocates the seq, bumps the counters, queues the
// conversation when needed, inserts the activity, claims its files and writes the realtime event
// (summary computed in SQL, lib/conversations/summary-sql.ts). An activity whose conversation does
// not exist, or whose conversation another activity of the same statement already took, gets no row.
//
// $1 the activities as a JSON array of `ActivityRow` (with their index `k`), $2 now.
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

export type StoredActivity = { id: string; seq: number };

const columns = `k int, "conversationId" text, "channelId" text, "externalConversationId" text, "isMessage" boolean,
  preview text, "queueId" text, id text, type text, "dedupeKey" text, "externalId" text, "clientActivityId" text,
  "fromId" text, "fromName" text, "fromRole" text, "agentId" text, text text, "textFormat" text, locale text, name text,
  "replyToId" text, timestamp timestamp(3), "createdAt" timestamp(3), raw jsonb, files text[], view jsonb`;

const queues = `i."isMessage" AND t.state IN ('pending', 'closed')`;

/**
 * `wait`: whether to wait for a conversation row another transaction holds, or to leave that
 * activity out (a batch never waits, so batches cannot deadlock one another; what they leave out
 * is stored alone, waiting).
 */
const receiveActivitiesSql = (wait: boolean) => `
WITH i AS MATERIALIZED (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(${columns})
), named AS (
  -- Our id, or the channel's id for the conversation (its unique index).
  SELECT i.k, coalesce(i."conversationId", (SELECT x.id FROM "Conversation" x
    WHERE x."channelId" = i."channelId" AND x."externalId" = i."externalConversationId")) AS id
  FROM i
), locked AS (
  SELECT t.id, n.k FROM named n JOIN "Conversation" t ON t.id = n.id FOR UPDATE OF t${wait ? '' : ' SKIP LOCKED'}
), c AS (
  UPDATE "Conversation" t SET
    "lastSeq" = t."lastSeq" + 1,
    "lastActivityAt" = $2,
    "unreadCount" = t."unreadCount" + CASE WHEN i."isMessage" THEN 1 ELSE 0 END,
    "lastInboundAt" = CASE WHEN i."isMessage" THEN $2 ELSE t."lastInboundAt" END,
    "lastText" = CASE WHEN i."isMessage" THEN coalesce(i.preview, t."lastText") ELSE t."lastText" END,
    "customerId" = coalesce(t."customerId", i."fromId"),
    "customerName" = coalesce(t."customerName", i."fromName"),
    -- The first message (or one after closing) puts the conversation in its queue.
    state = CASE WHEN ${queues} THEN 'queued' ELSE t.state END,
    "queueId" = CASE WHEN ${queues} THEN coalesce(t."queueId", i."queueId") ELSE t."queueId" END,
    "queuedAt" = CASE WHEN ${queues} THEN $2 ELSE t."queuedAt" END,
    "ownerId" = CASE WHEN ${queues} THEN NULL ELSE t."ownerId" END,
    "closedAt" = CASE WHEN ${queues} THEN NULL ELSE t."closedAt" END,
    version = t.version + CASE WHEN ${queues} THEN 1 ELSE 0 END
  FROM (SELECT id, min(k) AS k FROM locked GROUP BY id) l JOIN i ON i.k = l.k
  WHERE t.id = l.id
  RETURNING t.*, i.k
), a AS (
  INSERT INTO "Activity" (id, "conversationId", seq, type, direction, "dedupeKey", "externalId", "clientActivityId",
    "fromId", "fromName", "fromRole", "agentId", text, "textFormat", locale, name, "replyToId", timestamp, raw,
    "deliveryState", "createdAt", "updatedAt")
  SELECT i.id, c.id, c."lastSeq", i.type, 'inbound', i."dedupeKey", i."externalId", i."clientActivityId", i."fromId", i."fromName",
    i."fromRole", i."agentId", i.text, i."textFormat", i.locale, i.name, i."replyToId", i.timestamp, i.raw, 'none', i."createdAt", i."createdAt"
  FROM c JOIN i ON i.k = c.k
  ORDER BY c.k
  RETURNING id, seq
), files AS (
  UPDATE "Attachment" f SET "activityId" = x.id
  FROM (SELECT i.k, i.id, unnest(i.files) AS file FROM i) x JOIN c ON c.k = x.k
  WHERE f.id = x.file AND f."conversationId" = c.id AND f."activityId" IS NULL
  RETURNING f.id, f.name, f."contentType", f.size, f.seq, f."activityId"
), s AS MATERIALIZED (
  -- Materialized: the scope below reads the summary four times, and would otherwise compute it four times more.
  SELECT c.k, c.id, c."lastSeq", ${summaryJsonSql('c', 'ch')} AS summary FROM c JOIN "Channel" ch ON ch.id = c."channelId"
), e AS (
  INSERT INTO "Event" (type, "conversationId", payload, "createdAt")
  SELECT 'activity.created', s.id, jsonb_build_object(
    'type', 'activity.created',
    'conversationId', s.id,
    'activity', i.view || jsonb_build_object('conversationId', s.id, 'seq', s."lastSeq", 'attachments',
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'name', name, 'contentType', "contentType", 'size', size) ORDER BY seq), '[]'::jsonb)
       FROM files WHERE files."activityId" = i.id)),
    'conversation', s.summary,
    'scope', ${scopeJsonSql('s.summary')}), $2
  FROM s JOIN i ON i.k = s.k
  ORDER BY s.k
)
SELECT i.k, a.id, a.seq FROM a JOIN i ON i.id = a.id`;

// Named, so each connection plans the statements once rather than on every call.
const WAITING = { name: 'receive-activities-waiting', text: receiveActivitiesSql(true) };
const SKIPPING = { name: 'receive-activities', text: receiveActivitiesSql(false) };

/** Stores the rows, answering for each its activity, or null where none was stored. */
export async function storeActivityRows(client: pg.ClientBase | pg.Pool, rows: ActivityRow[], options: { wait: boolean }): Promise<(StoredActivity | null)[]> {
  // Timestamps go as ISO strings: the columns are UTC `timestamp(3)` and pg would send local time.
  const values = [JSON.stringify(rows.map((row, k) => ({ ...row, k }))), new Date().toISOString()];
  const stored = (await client.query<StoredActivity & { k: number }>({ ...(options.wait ? WAITING : SKIPPING), values })).rows;
  const byIndex = new Map(stored.map((row) => [row.k, { id: row.id, seq: row.seq }]));
  return rows.map((_, k) => byIndex.get(k) ?? null);
}
