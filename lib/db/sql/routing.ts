// Routing's reads (lib/conversations/routing), inside its Prisma transactions.
import { sql } from 'kysely';
import type { Tx } from '../client';
import { build, rows } from './query';

/** The transaction-scoped advisory lock `key`, if no other transaction holds it (released at commit). */
export async function tryAdvisoryLock(tx: Tx, key: number): Promise<boolean> {
  const [row] = await rows(tx, sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${key}) AS locked`);
  return row?.locked === true;
}

/**
 * Active conversations whose owner had the console open while owning them and whose heartbeat has
 * lapsed by `now`, not yet told since (no `AgentDisconnected` after `connectedUntil`); the latest
 * disconnections and conversations first.
 */
export async function lapsedOwners(tx: Tx, now: Date, limit: number) {
  const query = build
    .selectFrom('Conversation as c')
    .innerJoin('Agent as a', 'a.id', 'c.ownerId')
    .select(['c.id as conversationId', 'c.outboundChannelId', 'a.id as agentId', 'a.displayName', 'a.role'])
    .where('c.state', '=', sql.lit('active'))
    .where('a.connectedUntil', '<=', now)
    .whereRef('c.acceptedAt', '<', 'a.connectedUntil')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('Activity as e')
            .select(eb.lit(1).as('one'))
            .whereRef('e.conversationId', '=', 'c.id')
            .where('e.type', '=', sql.lit('event'))
            .where('e.name', '=', sql.lit('AgentDisconnected'))
            .whereRef('e.agentId', '=', 'a.id')
            .whereRef('e.createdAt', '>=', 'a.connectedUntil'),
        ),
      ),
    )
    .orderBy('a.connectedUntil', 'desc')
    .orderBy('c.acceptedAt', 'desc')
    .orderBy('c.id')
    .limit(limit);
  return rows(tx, query);
}

/**
 * Queue members who could take a conversation at `now`: active, available, connected, with room under
 * their capacity (owned conversations and pending routing or transfer offers).
 */
function membersWithRoom(now: Date) {
  return build
    .selectFrom('Agent as a')
    .innerJoin('QueueMember as m', 'm.agentId', 'a.id')
    .where('a.active', '=', sql.lit(true))
    .where('a.presence', '=', sql.lit('available'))
    .where('a.connectedUntil', '>', now)
    .where((eb) => {
      const owned = eb
        .selectFrom('Conversation as c')
        .select(eb.fn.countAll().as('n'))
        .whereRef('c.ownerId', '=', 'a.id')
        .where('c.state', 'in', [sql.lit('active' as const), sql.lit('wrapup' as const)]);
      const offered = eb
        .selectFrom('Offer as o')
        .select(eb.fn.countAll().as('n'))
        .whereRef('o.agentId', '=', 'a.id')
        .where('o.state', '=', sql.lit('pending'))
        .where('o.kind', 'in', [sql.lit('route' as const), sql.lit('transfer' as const)]);
      return eb(eb(owned, '+', offered), '<', eb.ref('a.capacity'));
    });
}

/**
 * The queues where someone could take a conversation now: a tick asks only these queues' waiting
 * conversations for a member, instead of asking for each waiting conversation (with nobody online,
 * a backlog of 50 was 50 queries a second on the app's event loop: the ingest tail, issue 20).
 */
export async function queuesWithRoom(tx: Tx, now: Date): Promise<Set<string>> {
  const found = await rows(tx, membersWithRoom(now).select('m.queueId').distinct());
  return new Set(found.map((row) => row.queueId));
}

/**
 * The queue member who has been idle longest among those who could take a conversation now, who have
 * not already let this conversation pass since it joined the queue.
 */
export async function longestIdleMember(tx: Tx, at: { queueId: string; conversationId: string; queuedAt: Date; now: Date }): Promise<string | null> {
  const query = membersWithRoom(at.now)
    .select('a.id')
    .where('m.queueId', '=', at.queueId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('Offer as o')
            .select(eb.lit(1).as('one'))
            .where('o.conversationId', '=', at.conversationId)
            .whereRef('o.agentId', '=', 'a.id')
            .where('o.kind', '=', sql.lit('route'))
            .where('o.createdAt', '>=', at.queuedAt),
        ),
      ),
    )
    .orderBy('a.idleSince', 'asc')
    .orderBy('a.id', 'asc')
    .limit(1);
  const [row] = await rows(tx, query);
  return row?.id ?? null;
}
