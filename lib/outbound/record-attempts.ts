// Writes the outcome of a worker transaction's attempts in two statements however many deliveries:
// attempt rows, the deliveries' next states, what the messages show and what the answers changed on
// the conversations; then the delivery reports that overtook the answers, and the messages' realtime
// events.
import type { PgTransaction } from '../db/pg-transaction';
import { appendEventsPg, appendSummaryEventsPg } from '../realtime/event-log';
import { toActivityView } from '../views/map';
import type { AttemptRecord } from './attempt-record';
import type { ClaimedDelivery } from './claim';
import { applyEarlyStatuses, type RecordedSend } from './early-statuses';

export async function recordAttempts(tx: PgTransaction, records: AttemptRecord[], claimed: ClaimedDelivery[]): Promise<void> {
  const updatedAt = new Date();
  const rows = records.map(({ shown, conversationChange, ...record }) => ({
    ...record,
    shown: shown !== null,
    shownState: shown?.state ?? null,
    shownError: shown?.error ?? null,
    blockedAt: conversationChange?.blockedAt?.toISOString() ?? null,
    blockedReason: conversationChange?.blockedReason ?? null,
    serviceUrl: conversationChange?.serviceUrl ?? null,
    forgetChannelId: conversationChange?.forgetChannelId ?? false,
    forgetReplyToOf: conversationChange?.forgetReplyToOf ?? null,
  }));
  // Each claimed delivery is of a different conversation and activity: every row below changes once.
  await tx.client.query(
    `WITH o AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS o(
         "deliveryId" text, "activityId" text, "conversationId" text, attempt int, "startedAt" timestamp(3),
         "durationMs" int, target text, "statusCode" int, error text, "nextAttemptAt" timestamp(3),
         status "DeliveryJobStatus", "lastError" text, "finishedAt" timestamp(3), "externalId" text,
         shown boolean, "shownState" "DeliveryState", "shownError" text, "blockedAt" timestamp(3), "blockedReason" text,
         "serviceUrl" text, "forgetChannelId" boolean, "forgetReplyToOf" text)
     ), attempts AS (
       INSERT INTO "DeliveryAttempt" ("deliveryId", attempt, "startedAt", "durationMs", target, "statusCode", error, "nextAttemptAt")
       SELECT "deliveryId", attempt, "startedAt", "durationMs", target, "statusCode", error, "nextAttemptAt" FROM o
     ), activities AS (
       UPDATE "Activity" a SET
         "deliveryState" = CASE WHEN o.shown THEN COALESCE(o."shownState", a."deliveryState") ELSE a."deliveryState" END,
         "deliveryError" = CASE WHEN o.shown THEN o."shownError" ELSE a."deliveryError" END,
         "updatedAt" = CASE WHEN o.shown THEN $2::timestamp(3) ELSE a."updatedAt" END,
         "externalId" = CASE WHEN o."forgetChannelId" THEN NULL ELSE COALESCE(a."externalId", o."externalId") END
       FROM o WHERE a.id = o."activityId" AND (o.shown OR o."externalId" IS NOT NULL OR o."forgetChannelId")
     ), unthreaded AS (
       UPDATE "Activity" r SET "externalId" = NULL FROM o WHERE r.id = o."forgetReplyToOf"
     ), conversations AS (
       UPDATE "Conversation" c
       SET "blockedAt" = COALESCE(o."blockedAt", c."blockedAt"),
         "blockedReason" = CASE WHEN o."blockedAt" IS NULL THEN c."blockedReason" ELSE o."blockedReason" END,
         "serviceUrl" = COALESCE(o."serviceUrl", c."serviceUrl")
       FROM o WHERE c.id = o."conversationId" AND (o."blockedAt" IS NOT NULL OR o."serviceUrl" IS NOT NULL)
     )
     UPDATE "Delivery" d
     SET attempts = o.attempt, status = o.status, "runAt" = COALESCE(o."nextAttemptAt", d."runAt"),
       "lastError" = o."lastError", "finishedAt" = o."finishedAt"
     FROM o WHERE d.id = o."deliveryId"`,
    [JSON.stringify(rows), updatedAt.toISOString()],
  );

  // A pause shows at once beside the conversation (its summary), not only on the failed message.
  const paused = rows.filter((row) => row.blockedAt !== null).map((row) => row.conversationId);
  if (paused.length > 0) await appendSummaryEventsPg(tx, paused);

  const byActivity = new Map(claimed.map((delivery) => [delivery.activity.id, delivery.activity]));
  const shownAfterAttempt = (record: AttemptRecord) => ({
    state: record.shown?.state ?? byActivity.get(record.activityId)!.deliveryState,
    error: record.shown ? record.shown.error : byActivity.get(record.activityId)!.deliveryError,
  });
  const sends: RecordedSend[] = records.flatMap((record) =>
    record.externalId ? [{ activityId: record.activityId, externalId: record.externalId, ...shownAfterAttempt(record) }] : [],
  );
  const early = await applyEarlyStatuses(tx, sends, updatedAt);
  await appendEventsPg(
    tx,
    records.flatMap((record) => {
      if (!record.shown && !early.has(record.activityId)) return [];
      const activity = byActivity.get(record.activityId)!;
      const { state: deliveryState, error: deliveryError } = early.get(record.activityId) ?? shownAfterAttempt(record);
      const view = toActivityView({ ...activity, deliveryState, deliveryError, updatedAt });
      return [{ type: 'activity.updated' as const, conversationId: record.conversationId, activity: view }];
    }),
  );
}
