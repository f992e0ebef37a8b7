// Erasure and retention of customers' conversations (lib/erasure, lib/retention).
import { sql } from 'kysely';
import type { Db, Tx } from '../client';
import { build, rows, run } from './query';

/** Shorter ids (say `1`) would match unrelated payloads. */
const MIN_ID_LENGTH = 6;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Rejected channel events (kept whole for inspection, lib/channels/rejected-events.ts) that name one
 * of these customer ids anywhere in their payload: a WhatsApp number, a channel user id.
 */
export async function deleteRejectedEventsNaming(tx: Tx, customerIds: string[]): Promise<void> {
  const ids = [...new Set(customerIds)].filter((id) => id.length >= MIN_ID_LENGTH);
  if (ids.length === 0) return;
  await run(
    tx,
    build.deleteFrom('RejectedEvent').where((eb) => eb.or(ids.map((id) => eb(sql<string>`payload::text`, 'like', likePattern(id))))),
  );
}

/**
 * Up to `limit` closed conversations past their queue's retention (`Queue.retentionDays`, else
 * `defaultDays`; null for both: kept), oldest close first. Reads only: the erasing transaction locks.
 */
export async function expiredConversationIds(db: Db, now: Date, defaultDays: number | null, limit: number): Promise<string[]> {
  const days = sql<number | null>`COALESCE(q."retentionDays", ${defaultDays}::int)`;
  const query = build
    .selectFrom('Conversation as c')
    .leftJoin('Queue as q', 'q.id', 'c.queueId')
    .select('c.id')
    .where('c.state', '=', 'closed')
    .where(days, 'is not', null)
    .where(sql<boolean>`c."closedAt" < ${now.toISOString()}::timestamp(3) - make_interval(days => ${days})`)
    .orderBy('c.closedAt')
    .limit(limit);
  return (await rows(db, query)).map((row) => row.id);
}
