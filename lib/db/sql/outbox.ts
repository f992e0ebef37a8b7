// The outbox worker's statements (lib/outbound): claiming due deliveries and recording attempts,
// each on the worker transaction's own connection.
import { sql } from 'kysely';
import type pg from 'pg';
import type { AttemptRecord } from '../../outbound/attempt-record';
import { build, rows, run, type Row } from './query';

/**
 * Due deliveries, each the oldest pending one of its conversation, locked with FOR UPDATE SKIP
 * LOCKED (and their activities too), with the activity, its files and its channel.
 */
export async function claimDueRows(client: pg.ClientBase, limit: number) {
  // Deliveries first, activities then by primary key: planned this way whatever the statistics
  // say (a join planned on the statistics of a table that just grew by 100,000 activities scanned
  // all of them on every claim).
  const query = build
    .with(
      (cte) => cte('due').materialized(),
      (db) =>
        db
          .selectFrom('Delivery as d')
          .select(['d.id', 'd.activityId', 'd.channelId', 'd.operation', 'd.attempts', 'd.runAt', 'd.seq'])
          .where('d.status', '=', sql.lit('pending'))
          .where('d.runAt', '<=', sql<Date>`(now() AT TIME ZONE 'UTC')`)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('Delivery as e')
                  .select(eb.lit(1).as('one'))
                  .whereRef('e.conversationId', '=', 'd.conversationId')
                  .where('e.status', '=', sql.lit('pending'))
                  .whereRef('e.seq', '<', 'd.seq'),
              ),
            ),
          )
          .orderBy('d.runAt')
          .orderBy('d.seq')
          .limit(limit)
          .forUpdate('d')
          .skipLocked(),
    )
    .with(
      (cte) => cte('claimed').materialized(),
      (db) =>
        db
          .selectFrom('due')
          .innerJoin('Activity as a', 'a.id', 'due.activityId')
          .innerJoin('Channel as ch', 'ch.id', 'due.channelId')
          .select([
            'due.id as deliveryId',
            'due.operation as deliveryOperation',
            'due.attempts as deliveryAttempts',
            sql<Pick<Row<'Channel'>, 'id' | 'kind' | 'name' | 'settings'>>`jsonb_build_object('id', ch.id, 'kind', ch.kind, 'name', ch.name, 'settings', ch.settings)`.as(
              'deliveryChannel',
            ),
          ])
          .selectAll('a')
          .orderBy('due.runAt')
          .orderBy('due.seq')
          .forUpdate('a')
          .skipLocked(),
    )
    .selectFrom('claimed as c')
    .selectAll('c')
    .select(
      sql<Pick<Row<'Attachment'>, 'id' | 'name' | 'contentType' | 'size'>[]>`(SELECT coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'name', f.name, 'contentType', f."contentType", 'size', f.size)
                 ORDER BY f.seq), '[]')
        FROM "Attachment" f WHERE f."activityId" = c.id)`.as('deliveryAttachments'),
    );
  return rows(client, query);
}

export async function conversationsByIds(client: pg.ClientBase, ids: string[]): Promise<Row<'Conversation'>[]> {
  return rows(
    client,
    build
      .selectFrom('Conversation')
      .selectAll()
      .where('id', '=', (eb) => eb.fn.any(eb.val(ids))),
  );
}

/**
 * A worker transaction's attempts in one statement however many: attempt rows, the deliveries' next
 * states, what the messages show and what the answers changed on the conversations. Each claimed
 * delivery is of a different conversation and activity: every row changes once.
 */
export async function recordAttemptRows(client: pg.ClientBase, records: AttemptRecord[], updatedAt: Date): Promise<void> {
  const outcomes = records.map(({ shown, conversationChange, ...record }) => ({
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
  await run(
    client,
    sql`WITH o AS (
       SELECT * FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) AS o(
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
         "updatedAt" = CASE WHEN o.shown THEN ${updatedAt.toISOString()}::timestamp(3) ELSE a."updatedAt" END,
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
  );
}
