// The SLA step of the routing tick (lib/conversations/sla): the open episodes of queues with a
// target, with what their clock needs, and the once-per-clock warning and breach records.
import { sql } from 'kysely';
import type { Tx } from '../client';
import { build, rows, run } from './query';

/**
 * Current open episodes whose queue has a target, or whose clock still runs (a target was removed),
 * after `afterId` in id order. The open episodes are read first, on (closedAt, queuedAt): ordered by
 * id alone, PostgreSQL would walk the primary key through every closed episode to find them.
 */
export async function slaEpisodes(tx: Tx, limit: number, afterId = '0') {
  return rows(
    tx,
    build
      .with((wb) => wb('open').materialized(), (db) => db.selectFrom('Episode').where('closedAt', 'is', null).selectAll())
      .selectFrom('open as e')
      .innerJoin('Conversation as c', (join) => join.onRef('c.id', '=', 'e.conversationId').onRef('c.episode', '=', 'e.number'))
      .innerJoin('Queue as q', 'q.id', 'c.queueId')
      .where('e.id', '>', sql<string>`${afterId}::bigint`)
      .where((eb) =>
        eb.or([eb('q.firstResponseTargetSeconds', 'is not', null), eb('q.nextResponseTargetSeconds', 'is not', null), eb('e.slaDueAt', 'is not', null)]),
      )
      .select([
        'e.id',
        'e.conversationId',
        'e.queuedAt',
        'e.firstResponseAt',
        'e.firstResponseDueAt',
        'e.slaKind',
        'e.slaWarnAt',
        'e.slaDueAt',
        'q.calendar',
        'q.firstResponseTargetSeconds',
        'q.nextResponseTargetSeconds',
      ])
      .select((eb) =>
        eb
          .selectFrom('Activity as a')
          .select((a) => a.fn.min('a.createdAt').as('since'))
          .whereRef('a.conversationId', '=', 'e.conversationId')
          .whereRef('a.seq', '>', 'e.answeredSeq')
          .where('a.direction', '=', sql.lit('inbound'))
          .where('a.type', '=', sql.lit('message'))
          .as('unansweredSince'),
      )
      .orderBy('e.id')
      .limit(limit),
  );
}

export type SlaEpisode = Awaited<ReturnType<typeof slaEpisodes>>[number];

/** Records a warning or breach of an episode's clock (kind and start); false when it was recorded before. */
export async function recordSlaEvent(
  tx: Tx,
  event: { episodeId: string; kind: string; startedAt: Date; level: 'warning' | 'breached'; dueAt: Date; at: Date },
): Promise<boolean> {
  const inserted = await rows(
    tx,
    build
      .insertInto('SlaEvent')
      .values(event)
      .onConflict((oc) => oc.columns(['episodeId', 'kind', 'startedAt', 'level']).doNothing())
      .returning('id'),
  );
  return inserted.length > 0;
}

/** Stores an episode's clock (and the first response's due instant, with whether an answer already given missed it). */
export async function storeSlaClock(
  tx: Tx,
  episodeId: string,
  clock: { firstResponseDueAt: Date | null; firstResponseBreached?: boolean; slaKind: string | null; slaWarnAt: Date | null; slaDueAt: Date | null },
): Promise<void> {
  await run(tx, build.updateTable('Episode').where('id', '=', episodeId).set(clock));
}

export async function markFirstResponseBreached(tx: Tx, episodeId: string): Promise<void> {
  await run(tx, build.updateTable('Episode').where('id', '=', episodeId).set({ firstResponseBreached: true }));
}
