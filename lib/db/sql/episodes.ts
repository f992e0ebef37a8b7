// The current episode's figures (docs/metrics.md), kept by the command that moves each one, inside
// its transaction. "Current" is the conversation's `episode`, while it is open: a conversation a rep
// reopened by writing first (seed 003) is outside any episode, and its closed one stays as it was.
import { sql, type ExpressionBuilder, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { Tx } from '../client';
import type { DB } from '../generated/kysely/types';
import { build, rows, run } from './query';

type EpisodeUpdate = UpdateQueryBuilder<DB, 'Episode', 'Episode', UpdateResult>;

/** `UPDATE "Episode"` of the conversation's current episode. */
function current(conversationId: string): EpisodeUpdate {
  return build
    .updateTable('Episode')
    .where('conversationId', '=', conversationId)
    .where('closedAt', 'is', null)
    .where('number', '=', (eb) => eb.selectFrom('Conversation').select('episode').where('id', '=', conversationId));
}

const plusOne = (column: 'transfers' | 'consults') => (eb: ExpressionBuilder<DB, 'Episode'>) => eb(column, '+', 1);

/** Someone took the conversation (accept, an offer, a supervisor): the first acceptance is the one that counts. */
export async function episodeAccepted(tx: Tx, conversationId: string, ownerId: string, at: Date): Promise<void> {
  await run(tx, current(conversationId).set((eb) => ({ acceptedAt: eb.fn.coalesce('acceptedAt', eb.val(at)), ownerId })));
}

/** The conversation moved on to another queue or agent (`ownerId`: the new owner, when one took it). */
export async function episodeTransferred(tx: Tx, conversationId: string, ownerId?: string): Promise<void> {
  await run(tx, current(conversationId).set((eb) => ({ transfers: plusOne('transfers')(eb), ...(ownerId && { ownerId }) })));
}

/** A colleague accepted a consult. */
export async function episodeConsulted(tx: Tx, conversationId: string): Promise<void> {
  await run(tx, current(conversationId).set((eb) => ({ consults: plusOne('consults')(eb) })));
}

/** The conversation closed: when, by whose hands, and the customer's messages counted once. */
export async function episodeClosed(tx: Tx, conversationId: string, at: Date): Promise<void> {
  await run(
    tx,
    current(conversationId).set((eb) => ({
      closedAt: at,
      ownerId: eb.selectFrom('Conversation').select('ownerId').where('id', '=', conversationId),
      customerMessages: eb
        .selectFrom('Activity as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('a.conversationId', '=', conversationId)
        .whereRef('a.seq', '>', 'Episode.startSeq')
        .where('a.direction', '=', sql.lit('inbound'))
        .where('a.type', '=', sql.lit('message')),
    })),
  );
}

/**
 * Whether a next response came by its due instant: the SLA step's running clock when it has started
 * one (business hours); before its first tick the rep answered within a second, and wall-clock
 * time never falls short of business time. Null when the queue has no next-response target.
 */
function withinNextTarget(
  episode: { slaKind: string | null; slaDueAt: Date | string | null; nextResponseTargetSeconds: number | null },
  at: Date,
  seconds: number,
): boolean | null {
  if (episode.slaKind === 'next' && episode.slaDueAt !== null) return at.getTime() <= new Date(episode.slaDueAt).getTime();
  return episode.nextResponseTargetSeconds === null ? null : seconds <= episode.nextResponseTargetSeconds;
}

/**
 * A rep's public message (`messages` activities, the last of seq `lastSeq`) at `at`: the first
 * response, or a next response to the earliest customer message since the previous one.
 */
export async function episodeResponded(tx: Tx, conversationId: string, reply: { at: Date; lastSeq: number; messages: number }): Promise<void> {
  const [episode] = await rows(
    tx,
    build
      .selectFrom('Episode as e')
      .innerJoin('Conversation as c', (join) => join.onRef('c.id', '=', 'e.conversationId').onRef('c.episode', '=', 'e.number'))
      .leftJoin('Queue as q', 'q.id', 'c.queueId')
      .select(['e.id', 'e.firstResponseAt', 'e.slaKind', 'e.slaDueAt', 'q.nextResponseTargetSeconds'])
      .select((eb) =>
        eb
          .selectFrom('Activity as a')
          .select((a) => a.fn.min('a.createdAt').as('since'))
          .whereRef('a.conversationId', '=', 'e.conversationId')
          .whereRef('a.seq', '>', 'e.answeredSeq')
          .where('a.seq', '<', reply.lastSeq)
          .where('a.direction', '=', sql.lit('inbound'))
          .where('a.type', '=', sql.lit('message'))
          .as('unansweredSince'),
      )
      .where('e.conversationId', '=', conversationId)
      .where('e.closedAt', 'is', null),
  );
  if (!episode) return;
  if (episode.firstResponseAt && episode.unansweredSince) {
    const seconds = (reply.at.getTime() - new Date(episode.unansweredSince).getTime()) / 1000;
    await run(tx, build.insertInto('EpisodeResponse').values({ episodeId: episode.id, seconds, respondedAt: reply.at, withinSla: withinNextTarget(episode, reply.at, seconds) }));
  }
  await run(
    tx,
    build
      .updateTable('Episode')
      .where('id', '=', episode.id)
      .set((eb) => ({
        firstResponseAt: eb.fn.coalesce('firstResponseAt', eb.val(reply.at)),
        // A first response after its due instant is late even if the SLA step has not said so yet.
        firstResponseBreached: sql<boolean>`"firstResponseBreached" OR coalesce("firstResponseAt" IS NULL AND "firstResponseDueAt" < ${reply.at}, false)`,
        agentMessages: eb('agentMessages', '+', reply.messages),
        answeredSeq: reply.lastSeq,
        // Everything so far is answered: the SLA clock stops (the SLA step starts the next one).
        slaKind: null,
        slaWarnAt: null,
        slaDueAt: null,
      })),
  );
}
