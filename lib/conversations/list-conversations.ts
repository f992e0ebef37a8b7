import { visibleConversations } from '../auth/conversation-access';
import { db as defaultDb, type Db } from '../db/client';
import type { ConversationState, Prisma } from '../db/generated/client';
import { decodeCursor, encodeCursor } from '../errors/keyset-cursor';
import { conversationRefs, toConversationSummary } from '../views/map';
import type { ConversationPage, InboxFilter } from '../protocol/console';
import type { ActingViewer } from './agent';

/** Where a conversation sits in the list order. */
interface PageKey {
  id: string;
  lastActivityAt: Date;
}

/** Every state but pending (invisible) and closed, as a list the owner index can use. */
const OPEN_STATES: ConversationState[] = ['queued', 'offered', 'active', 'wrapup'];

/** Newest activity first, keyset-paginated on (lastActivityAt, id) so pages never shift or repeat. */
export async function listConversations(
  input: { agent: ActingViewer; filter: InboxFilter; cursor?: string; limit?: number; q?: string; queueId?: string; labelId?: string },
  db: Db = defaultDb(),
): Promise<ConversationPage> {
  const limit = input.limit ?? 50;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const scope: Prisma.ConversationWhereInput[] = [
    await filterWhere(input.filter, input.agent.id, db),
    visibleConversations(input.agent),
    ...(input.queueId ? [{ queueId: input.queueId }] : []),
    ...(input.labelId ? [{ labels: { some: { labelId: input.labelId } } }] : []),
    ...(after ? [{ OR: [{ lastActivityAt: { lt: after.at } }, { lastActivityAt: after.at, id: { lt: after.id } }] }] : []),
  ];
  const newest = (where: Prisma.ConversationWhereInput[]) =>
    db.conversation.findMany({
      where: { AND: [...scope, ...where] },
      select: { id: true, lastActivityAt: true },
      orderBy: [{ lastActivityAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
  const q = input.q?.trim();
  const keys = q ? await search(q, newest, limit + 1) : await newest([]);
  const page = keys.slice(0, limit);
  // The page's rows with their references, by id: joined in the query above they would be read
  // for every match before the sort (thousands on a busy queue), not just for the page.
  const rows = await db.conversation.findMany({ where: { id: { in: page.map((key) => key.id) } }, include: conversationRefs });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const last = page.at(-1);
  return {
    items: page.flatMap((key) => byId.get(key.id) ?? []).map(toConversationSummary),
    nextCursor: keys.length > limit && last ? encodeCursor(last.lastActivityAt, last.id) : null,
  };
}

async function filterWhere(filter: InboxFilter, agentId: string, db: Db): Promise<Prisma.ConversationWhereInput> {
  if (filter === 'mine') {
    // Owned, or consulted on right now. The consults are read first: an OR with a subquery would
    // keep PostgreSQL from the owner index and have it read every conversation.
    const consulting = await db.consultant.findMany({ where: { agentId, endedAt: null }, select: { conversationId: true } });
    return {
      state: { in: OPEN_STATES },
      OR: [{ ownerId: agentId }, ...(consulting.length > 0 ? [{ id: { in: consulting.map((c) => c.conversationId) } }] : [])],
    };
  }
  if (filter === 'unassigned') return { ownerId: null, state: { in: ['queued', 'offered'] } };
  return { state: { not: 'pending' } };
}

/**
 * Conversations whose customer (name or channel id) or whose messages (not private notes) contain
 * `q`, newest first. As one query with OR, PostgreSQL would check each conversation's messages in
 * turn (a miss reads all of them); as two, each uses its own index, and the union is the same answer.
 */
async function search(q: string, newest: (where: Prisma.ConversationWhereInput[]) => Promise<PageKey[]>, take: number): Promise<PageKey[]> {
  const contains = { contains: q, mode: 'insensitive' } as const;
  const [byCustomer, byText] = await Promise.all([
    newest([{ OR: [{ customerName: contains }, { customerId: contains }] }]),
    newest([{ activities: { some: { text: contains, direction: { not: 'internal' } } } }]),
  ]);
  const unique = new Map([...byCustomer, ...byText].map((key) => [key.id, key]));
  return [...unique.values()].sort(newestFirst).slice(0, take);
}

/** The order of the queries: lastActivityAt, then id, both descending. */
function newestFirst(a: PageKey, b: PageKey): number {
  const byTime = b.lastActivityAt.getTime() - a.lastActivityAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
