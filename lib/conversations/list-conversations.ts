import { visibleConversations, type Viewer } from '../auth/conversation-access';
import { db as defaultDb, type Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { badRequest } from '../errors/app-error';
import { conversationRefs, toConversationSummary } from '../views/map';
import type { ConversationSummary } from '../views/types';
import type { ActingAgent } from './agent';

export type InboxFilter = 'mine' | 'unassigned' | 'all';

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Newest activity first, keyset-paginated on (lastActivityAt, id) so pages never shift or repeat. */
export async function listConversations(
  input: { agent: ActingAgent & Viewer; filter: InboxFilter; cursor?: string; limit?: number; q?: string; queueId?: string },
  db: Db = defaultDb(),
): Promise<ConversationPage> {
  const limit = input.limit ?? 50;
  const where: Prisma.ConversationWhereInput = {
    // Mine: owned, or consulted on right now.
    mine: {
      state: { notIn: ['pending', 'closed'] },
      OR: [{ ownerId: input.agent.id }, { consultants: { some: { agentId: input.agent.id, endedAt: null } } }],
    },
    unassigned: { ownerId: null, state: { in: ['queued', 'offered'] } },
    all: { state: { not: 'pending' } },
  }[input.filter] as Prisma.ConversationWhereInput;

  const q = input.q?.trim();
  const search: Prisma.ConversationWhereInput | null = q
    ? {
        OR: [
          { customerName: { contains: q, mode: 'insensitive' } },
          { customerId: { contains: q, mode: 'insensitive' } },
          { activities: { some: { text: { contains: q, mode: 'insensitive' }, direction: { not: 'internal' } } } },
        ],
      }
    : null;
  const filtered: Prisma.ConversationWhereInput = {
    AND: [where, visibleConversations(input.agent), ...(search ? [search] : []), ...(input.queueId ? [{ queueId: input.queueId }] : [])],
  };
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.conversation.findMany({
    where: after
      ? {
          AND: [
            filtered,
            {
              OR: [
                { lastActivityAt: { lt: after.at } },
                { lastActivityAt: after.at, id: { lt: after.id } },
              ],
            },
          ],
        }
      : filtered,
    include: conversationRefs,
    orderBy: [{ lastActivityAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toConversationSummary),
    nextCursor: rows.length > limit && last ? encodeCursor(last.lastActivityAt, last.id) : null,
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw badRequest('BadCursor', 'The cursor is not one this server handed out.');
  }
}
