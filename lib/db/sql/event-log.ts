// The realtime event log (lib/realtime): bulk appends for plain `pg` transactions, and the hub's reads.
import { sql } from 'kysely';
import type pg from 'pg';
import { scopeSql } from '../../auth/conversation-access';
import { scopeJsonSql, summaryJsonSql } from '../../conversations/summary-sql';
import { sqlPool, type Db } from '../client';
import { build, rows, run, type Row } from './query';

/**
 * One row per event, in their order, each with its conversation's scope read in the same statement.
 * Timestamps travel as UTC text: the columns hold UTC, as Prisma writes them.
 */
export async function insertConversationEvents(client: pg.ClientBase, events: { type: string; conversationId: string }[], createdAt: Date): Promise<void> {
  await run(
    client,
    sql`INSERT INTO "Event" (type, "conversationId", payload, "createdAt")
     SELECT e.event->>'type', e.event->>'conversationId', e.event || jsonb_build_object('scope', ${sql.raw(scopeSql(`e.event->>'conversationId'`))}), ${createdAt.toISOString()}
     FROM jsonb_array_elements(${JSON.stringify(events)}::jsonb) WITH ORDINALITY AS e(event, n)
     ORDER BY e.n`,
  );
}

/** A `conversation.updated` event (summary computed by PostgreSQL) for each of these conversations that reps can see. */
export async function insertSummaryEvents(client: pg.ClientBase, conversationIds: string[], createdAt: Date): Promise<void> {
  await run(
    client,
    sql`WITH s AS MATERIALIZED (
       SELECT c.id, ${sql.raw(summaryJsonSql('c', 'ch'))} AS summary
       FROM "Conversation" c JOIN "Channel" ch ON ch.id = c."channelId"
       WHERE c.id = ANY(${conversationIds}) AND c.state <> 'pending')
     INSERT INTO "Event" (type, "conversationId", payload, "createdAt")
     SELECT 'conversation.updated', s.id, jsonb_build_object('type', 'conversation.updated', 'conversationId', s.id,
       'conversation', s.summary, 'scope', ${sql.raw(scopeJsonSql('s.summary'))}), ${createdAt.toISOString()}
     FROM s ORDER BY s.id`,
  );
}

/** Events after `afterId`, up to `upTo` (null: the newest), oldest first; ids as text (they are 64-bit). */
export async function eventsAfter(db: Db, afterId: string, upTo: string | null, limit: number): Promise<Pick<Row<'Event'>, 'id' | 'payload'>[]> {
  const query = build
    .selectFrom('Event')
    .select(['id', 'payload'])
    .where('id', '>', afterId)
    .where((eb) => {
      const last = eb.cast<string | null>(eb.val(upTo), 'bigint');
      return eb.or([eb(last, 'is', null), eb('id', '<=', last)]);
    })
    .orderBy('id')
    .limit(limit);
  // Run on every burst of events: prepared once per connection.
  return rows(sqlPool(db), query, 'realtime-events-after');
}

/** The newest event's id (null: none yet). */
export async function newestEventId(db: Db): Promise<string | null> {
  const [row] = await rows(sqlPool(db), build.selectFrom('Event').select((eb) => eb.fn.max<string | null>('id').as('max')));
  return row?.max ?? null;
}

/** The newest event id the worker has pruned (null: none yet; lib/retention). */
export async function prunedThroughId(db: Db): Promise<string | null> {
  const [row] = await rows(sqlPool(db), build.selectFrom('EventLogHorizon').select('prunedThroughId').where('id', '=', 1), 'realtime-pruned-through');
  return row?.prunedThroughId ?? null;
}
