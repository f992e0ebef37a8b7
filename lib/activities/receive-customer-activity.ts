// A customer's (or the customer's bot's) activity arrives from any channel. This is the ingest hot
// path, so it is one SQL statement (receive-activities-sql.ts): it finds the conversation,
// allocates the seq, bumps the counters, queues the conversation when needed, inserts the activity,
// claims its files and writes the realtime event — atomically, in one round trip. Through Prisma
// the same took eight round trips and ten times the CPU (docs/performance.md). Under load, the
// activities that arrive while statements run go together in the next one (activity-batches.ts).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { db as defaultDb, sqlPool, type Db } from '../db/client';
import type { Activity, ChannelKind } from '../db/generated/client';
import { notifySoon } from '../db/notify';
import { isUniqueViolation } from '../db/prisma-errors';
import { cachedDefaultQueueId, defaultChannelId, environmentBotChannelId } from '../conversations/defaults';
import { OUTBOX_CHANNEL } from '../outbound/enqueue';
import { notFound } from '../errors/app-error';
import { metrics } from '../metrics/registry';
import { EVENT_CHANNEL } from '../realtime/event-log';
import type { ConsoleContent } from '../protocol/console-content';
import type { SurveyAnswer } from '../protocol/survey';
import { recordSurveyAnswer } from '../conversations/survey/record-answer';
import { conversationByExternalId } from '../db/sql/conversations';
import { toActivityView } from '../views/map';
import { ActivityBatches, type BatchStore } from './activity-batches';
import { inboundColumns } from './inbound-columns';
import type { NewActivity } from './new-activity';
import { storeActivityRows, type ActivityRow, type StoredActivity } from './receive-activities-sql';

export interface ReceivedActivity {
  id: string;
  seq: number;
  duplicate: boolean;
}

/**
 * A customer's activity: what the channel said, and what the console learned receiving it (files it
 * could not fetch, what a card answer answers); `surveyAnswer` when the channel reads it as a rating,
 * which counts only while the conversation's survey is open.
 */
export type InboundActivity = Omit<NewActivity, 'direction'> & { content?: ConsoleContent; surveyAnswer?: SurveyAnswer | null };

/** Our id for the conversation, or the channel's own id for it (saves looking it up first). */
export type ConversationRef = string | { channel: ChannelKind; externalId: string };

const PREVIEW_CHARS = 280;

/** Stores a batch; a new conversation goes to the environment's bot when its queue says so. */
const storeFor =
  (db: Db): BatchStore<ActivityRow, StoredActivity> =>
  async (pool, rows, options) => {
    metrics().ingestStatementActivities.observe(rows.length);
    return storeActivityRows(pool, rows, { ...options, environmentBot: await environmentBotChannelId(db) });
  };

export async function receiveCustomerActivity(
  conversation: ConversationRef,
  input: InboundActivity,
  db: Db = defaultDb(),
  /** Files stored beforehand (uploads) that this activity carries. */
  attachmentIds: string[] = [],
): Promise<ReceivedActivity> {
  const received = await receiveIfConversationExists(conversation, input, db, attachmentIds);
  if (!received) throw notFound('Conversation not found.');
  return received;
}

/** `receiveCustomerActivity`, answering null (and storing nothing) when there is no such conversation. */
export async function receiveIfConversationExists(
  conversation: ConversationRef,
  input: InboundActivity,
  db: Db = defaultDb(),
  attachmentIds: string[] = [],
): Promise<ReceivedActivity | null> {
  if (input.surveyAnswer && input.type === 'message') {
    const answered = await answerSurvey(conversation, input, input.surveyAnswer, db);
    if (answered) return answered;
  }
  const isMessage = input.type === 'message';
  const now = new Date();
  const columns = inboundColumns(input, now);
  const activity: Activity = {
    id: randomUUID(),
    conversationId: '', // these two are filled in by the statement
    seq: 0,
    ...columns,
    raw: columns.raw as Activity['raw'],
    deliveryState: 'none',
    deliveryError: null,
    editedAt: null,
    deletedAt: null,
    previousText: null,
    createdAt: now,
    updatedAt: now,
  };
  const byId = typeof conversation === 'string';
  const row: ActivityRow = {
    conversationId: byId ? conversation : null,
    channelId: byId ? null : await defaultChannelId(db, conversation.channel),
    externalConversationId: byId ? null : conversation.externalId,
    isMessage,
    preview: previewOf(input, attachmentIds),
    queueId: isMessage ? await cachedDefaultQueueId(db) : null,
    id: activity.id,
    type: activity.type,
    dedupeKey: activity.dedupeKey,
    externalId: activity.externalId,
    clientActivityId: activity.clientActivityId,
    fromId: activity.fromId,
    fromName: activity.fromName,
    fromRole: activity.fromRole,
    agentId: activity.agentId,
    text: activity.text,
    textFormat: activity.textFormat,
    locale: activity.locale,
    name: activity.name,
    replyToId: activity.replyToId,
    timestamp: activity.timestamp.toISOString(),
    createdAt: now.toISOString(),
    raw: activity.raw,
    files: attachmentIds,
    view: toActivityView(activity),
  };
  const pool = sqlPool(db);
  try {
    const stored = await batchesOf(pool, db).run(byId ? conversation : `${conversation.channel} ${conversation.externalId}`, row);
    if (!stored) return null;
    notifySoon(pool, stored.toBot ? [EVENT_CHANNEL, OUTBOX_CHANNEL] : [EVENT_CHANNEL]);
    return { id: stored.id, seq: stored.seq, duplicate: false };
  } catch (error) {
    // A replay (same dedupe key) collides with the original: answer the original.
    if (isUniqueViolation(error) && input.dedupeKey) {
      const existing = await findByDedupeKey(db, input.dedupeKey);
      if (existing) return existing;
    }
    throw error;
  }
}

/** A rating for the open survey of a closed conversation: stored without reopening it (null: there is none, ingest as usual). */
async function answerSurvey(conversation: ConversationRef, input: InboundActivity, answer: SurveyAnswer, db: Db): Promise<ReceivedActivity | null> {
  const conversationId =
    typeof conversation === 'string'
      ? conversation
      : (await conversationByExternalId(db, await defaultChannelId(db, conversation.channel), conversation.externalId))?.id;
  return conversationId ? recordSurveyAnswer(conversationId, input, answer, db) : null;
}

/** The inbox's last-message text for an activity. */
function previewOf(input: InboundActivity, attachmentIds: string[]): string | null {
  if (input.text) return input.text.slice(0, PREVIEW_CHARS);
  if (attachmentIds.length > 0 || input.content?.fetchFailures?.length) return '📎 Attachment';
  const answer = input.content?.cardAnswer;
  if (answer) return `📋 ${answer.action ?? answer.card ?? 'Card answer'}`.slice(0, PREVIEW_CHARS);
  return null;
}

const batches = new WeakMap<pg.Pool, ActivityBatches<ActivityRow, StoredActivity>>();

function batchesOf(pool: pg.Pool, db: Db): ActivityBatches<ActivityRow, StoredActivity> {
  let found = batches.get(pool);
  if (!found) batches.set(pool, (found = new ActivityBatches(pool, storeFor(db))));
  return found;
}

async function findByDedupeKey(db: Db, dedupeKey: string): Promise<ReceivedActivity | null> {
  const row = await db.activity.findUnique({ where: { dedupeKey }, select: { id: true, seq: true } });
  return row && { ...row, duplicate: true };
}
