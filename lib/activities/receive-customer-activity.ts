// A customer's (or the customer's bot's) activity arrives from any channel. This is the ingest hot
// path, so it is one SQL statement: it finds the conversation, allocates the seq, bumps the
// counters, queues the conversation when needed, inserts the activity, claims its files and writes
// the realtime event (summary computed in SQL, lib/conversations/summary-sql.ts) — atomically, in
// one round trip. Through Prisma the same took eight round trips and ten times the CPU
// (docs/benchmarks.md). Activities for a conversation whose statement is running wait and then go
// together in one transaction (conversation-lanes.ts).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { db as defaultDb, sqlPool, type Db } from '../db/client';
import type { Activity, ChannelKind } from '../db/generated/client';
import { notifySoon } from '../db/notify';
import { isUniqueViolation } from '../db/prisma-errors';
import { cachedDefaultQueueId, defaultChannelId } from '../conversations/defaults';
import { scopeJsonSql, summaryJsonSql } from '../conversations/summary-sql';
import { notFound } from '../errors/app-error';
import { EVENT_CHANNEL } from '../realtime/event-log';
import { toActivityView } from '../views/map';
import { ConversationLanes } from './conversation-lanes';
import type { NewActivity } from './new-activity';

export interface ReceivedActivity {
  id: string;
  seq: number;
  duplicate: boolean;
}

/** Our id for the conversation, or the channel's own id for it (saves looking it up first). */
export type ConversationRef = string | { channel: ChannelKind; externalId: string };

const PREVIEW_CHARS = 280;

// $1 our id or the channel's, $2 is a message, $3 preview, $4 from id, $5 from name, $6 now,
// $7 default queue, $8 activity id, $9.. the activity's columns, $22 the files it carries,
// $23 the activity's view (seq and files filled in here), $24 the channel row (external ids only).
const queues = `$2 AND state IN ('pending', 'closed')`;
const receive = (where: string) => `
WITH c AS (
  UPDATE "Conversation" SET
    "lastSeq" = "lastSeq" + 1,
    "lastActivityAt" = $6,
    "unreadCount" = "unreadCount" + CASE WHEN $2 THEN 1 ELSE 0 END,
    "lastInboundAt" = CASE WHEN $2 THEN $6 ELSE "lastInboundAt" END,
    "lastText" = CASE WHEN $2 THEN coalesce($3, "lastText") ELSE "lastText" END,
    "customerId" = coalesce("customerId", $4),
    "customerName" = coalesce("customerName", $5),
    -- The first message (or one after closing) puts the conversation in its queue.
    state = CASE WHEN ${queues} THEN 'queued' ELSE state END,
    "queueId" = CASE WHEN ${queues} THEN coalesce("queueId", $7) ELSE "queueId" END,
    "queuedAt" = CASE WHEN ${queues} THEN $6 ELSE "queuedAt" END,
    "ownerId" = CASE WHEN ${queues} THEN NULL ELSE "ownerId" END,
    "closedAt" = CASE WHEN ${queues} THEN NULL ELSE "closedAt" END,
    version = version + CASE WHEN ${queues} THEN 1 ELSE 0 END
  WHERE ${where}
  RETURNING *
), a AS (
  INSERT INTO "Activity" (id, "conversationId", seq, type, direction, "dedupeKey", "externalId", "clientActivityId",
    "fromId", "fromName", "fromRole", "agentId", text, "textFormat", locale, name, "replyToId", timestamp, raw,
    "deliveryState", "createdAt", "updatedAt")
  SELECT $8, c.id, c."lastSeq", $9, 'inbound', $10, $11, $12, $4, $5, $13, $14, $15, $16, $17, $18, $19, $20, $21, 'none', $6, $6
  FROM c
  RETURNING id, seq
), files AS (
  UPDATE "Attachment" f SET "activityId" = a.id FROM a, c
  WHERE f.id = ANY($22::text[]) AND f."conversationId" = c.id AND f."activityId" IS NULL
  RETURNING f.id, f.name, f."contentType", f.size, f.seq
), s AS MATERIALIZED (
  -- Materialized: the scope below reads the summary four times, and would otherwise compute it four times more.
  SELECT c.id, c."lastSeq", ${summaryJsonSql('c', 'ch')} AS summary FROM c JOIN "Channel" ch ON ch.id = c."channelId"
), e AS (
  INSERT INTO "Event" (type, "conversationId", payload, "createdAt")
  SELECT 'activity.created', s.id, jsonb_build_object(
    'type', 'activity.created',
    'conversationId', s.id,
    'activity', $23::jsonb || jsonb_build_object('conversationId', s.id, 'seq', s."lastSeq", 'attachments',
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'name', name, 'contentType', "contentType", 'size', size) ORDER BY seq), '[]'::jsonb) FROM files)),
    'conversation', s.summary,
    'scope', ${scopeJsonSql('s.summary')}), $6
  FROM s
  RETURNING id
)
SELECT a.id, a.seq FROM a, e`;

const RECEIVE_BY_ID = receive('id = $1');
const RECEIVE_BY_EXTERNAL_ID = receive(`"channelId" = $24 AND "externalId" = $1`);

export async function receiveCustomerActivity(
  conversation: ConversationRef,
  input: Omit<NewActivity, 'direction'>,
  db: Db = defaultDb(),
  /** Files stored beforehand (uploads) that this activity carries. */
  attachmentIds: string[] = [],
): Promise<ReceivedActivity> {
  const received = await receiveIfConversationExists(conversation, input, db, attachmentIds);
  if (!received) throw notFound('Conversation not found.', 'BadArgument');
  return received;
}

/** `receiveCustomerActivity`, answering null (and storing nothing) when there is no such conversation. */
export async function receiveIfConversationExists(
  conversation: ConversationRef,
  input: Omit<NewActivity, 'direction'>,
  db: Db = defaultDb(),
  attachmentIds: string[] = [],
): Promise<ReceivedActivity | null> {
  const isMessage = input.type === 'message';
  const now = new Date();
  const activity: Activity = {
    id: randomUUID(),
    conversationId: '', // these two are filled in by the statement
    seq: 0,
    type: input.type,
    direction: 'inbound',
    dedupeKey: input.dedupeKey ?? null,
    externalId: input.externalId ?? null,
    clientActivityId: input.clientActivityId ?? null,
    fromId: input.fromId || null,
    fromName: input.fromName || null,
    fromRole: input.fromRole ?? null,
    agentId: input.agentId ?? null,
    text: input.text ?? null,
    textFormat: input.textFormat ?? null,
    locale: input.locale ?? null,
    name: input.name ?? null,
    replyToId: input.replyToId ?? null,
    timestamp: input.timestamp ?? now,
    raw: input.raw as Activity['raw'],
    deliveryState: 'none',
    deliveryError: null,
    editedAt: null,
    deletedAt: null,
    previousText: null,
    createdAt: now,
    updatedAt: now,
  };
  const byId = typeof conversation === 'string';
  const preview = input.text ? input.text.slice(0, PREVIEW_CHARS) : attachmentIds.length > 0 ? '📎 Attachment' : null;
  // Timestamps go as ISO strings: the columns are UTC `timestamp(3)` and pg would send local time.
  const params = [
    byId ? conversation : conversation.externalId,
    isMessage,
    preview,
    activity.fromId,
    activity.fromName,
    now.toISOString(),
    isMessage ? await cachedDefaultQueueId(db) : null,
    activity.id,
    activity.type,
    activity.dedupeKey,
    activity.externalId,
    activity.clientActivityId,
    activity.fromRole,
    activity.agentId,
    activity.text,
    activity.textFormat,
    activity.locale,
    activity.name,
    activity.replyToId,
    activity.timestamp.toISOString(),
    JSON.stringify(activity.raw),
    attachmentIds,
    JSON.stringify(toActivityView(activity)),
    ...(byId ? [] : [await defaultChannelId(db, conversation.channel)]),
  ];
  const pool = sqlPool(db);
  // Named, so each connection plans the statement once rather than on every call.
  const statement = byId ? { name: 'receive-activity-by-id', text: RECEIVE_BY_ID } : { name: 'receive-activity-by-external-id', text: RECEIVE_BY_EXTERNAL_ID };
  const run = async (client: pg.ClientBase | pg.Pool) => (await client.query<StoredRow>({ ...statement, values: params })).rows[0] ?? null;
  try {
    const row = await lanesOf(pool).run(byId ? conversation : `${conversation.channel} ${conversation.externalId}`, run);
    if (!row) return null;
    notifySoon(pool, [EVENT_CHANNEL]);
    return { id: row.id, seq: row.seq, duplicate: false };
  } catch (error) {
    // A replay (same dedupe key) collides with the original: answer the original.
    if (isUniqueViolation(error) && input.dedupeKey) {
      const existing = await findByDedupeKey(db, input.dedupeKey);
      if (existing) return existing;
    }
    throw error;
  }
}

type StoredRow = { id: string; seq: number };

const lanes = new WeakMap<pg.Pool, ConversationLanes<StoredRow>>();

function lanesOf(pool: pg.Pool): ConversationLanes<StoredRow> {
  let found = lanes.get(pool);
  if (!found) lanes.set(pool, (found = new ConversationLanes(pool)));
  return found;
}

async function findByDedupeKey(db: Db, dedupeKey: string): Promise<ReceivedActivity | null> {
  const row = await db.activity.findUnique({ where: { dedupeKey }, select: { id: true, seq: true } });
  return row && { ...row, duplicate: true };
}
