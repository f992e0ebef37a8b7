import { db as defaultDb, type Db, type Tx } from '../../db/client';
import { transaction } from '../../db/transaction';
import type { ConversationState, OfferKind, Presence, Prisma } from '../../db/generated/client';
import { storedCalendar } from '../../hours/stored-calendar';
import { appendEvent } from '../../realtime/event-log';
import type { AgentStatusView, DirectoryView } from '../../views/types';

/** What counts against an agent's capacity: conversations they own and offers awaiting their answer. */
export const LOAD_STATES: ConversationState[] = ['active', 'wrapup'];
export const LOADING_OFFERS: OfferKind[] = ['route', 'transfer'];

const statusSelect = {
  id: true,
  displayName: true,
  role: true,
  presence: true,
  capacity: true,
  queues: { select: { queueId: true } },
  _count: {
    select: {
      conversations: { where: { state: { in: LOAD_STATES } } },
      offers: { where: { state: 'pending', kind: { in: LOADING_OFFERS } } },
    },
  },
} satisfies Prisma.AgentSelect;

type StatusRow = {
  id: string;
  displayName: string;
  role: AgentStatusView['role'];
  presence: Presence;
  capacity: number;
  queues: { queueId: string }[];
  _count: { conversations: number; offers: number };
};

function toStatus(row: StatusRow): AgentStatusView {
  return {
    id: row.id,
    displayName: row.displayName,
    role: row.role,
    presence: row.presence,
    capacity: row.capacity,
    load: row._count.conversations + row._count.offers,
    queueIds: row.queues.map((q) => q.queueId),
  };
}

export async function publishAgentStatus(tx: Tx, agentId: string): Promise<AgentStatusView> {
  const agent = toStatus(await tx.agent.findUniqueOrThrow({ where: { id: agentId }, select: statusSelect }));
  await appendEvent(tx, { type: 'agent.updated', conversationId: null, agent });
  return agent;
}

/** Colleagues and queues, for the transfer and consult dialogs and the supervisor's view. */
export async function loadDirectory(db: Db = defaultDb()): Promise<DirectoryView> {
  const [agents, queues] = await Promise.all([
    db.agent.findMany({ where: { active: true }, select: statusSelect, orderBy: { displayName: 'asc' } }),
    db.queue.findMany({
      orderBy: { name: 'asc' },
      select: { id: true, name: true, calendar: true, _count: { select: { conversations: { where: { state: { in: ['queued', 'offered'] } } } } } },
    }),
  ]);
  return {
    agents: agents.map(toStatus),
    queues: queues.map((q) => ({ id: q.id, name: q.name, waiting: q._count.conversations, calendar: storedCalendar(q.calendar) })),
  };
}

/** Becoming available starts the idle clock routing uses to pick the longest-idle agent. */
export async function setPresence(input: { agentId: string; presence: Presence }, db: Db = defaultDb()): Promise<AgentStatusView> {
  return transaction(db, async (tx) => {
    const before = await tx.agent.findUniqueOrThrow({ where: { id: input.agentId }, select: { presence: true } });
    await tx.agent.update({
      where: { id: input.agentId },
      data: {
        presence: input.presence,
        ...(input.presence === 'available' && before.presence !== 'available' && { idleSince: new Date() }),
      },
    });
    if (before.presence !== input.presence) await recordPresenceChange(tx, input.agentId, input.presence);
    return publishAgentStatus(tx, input.agentId);
  });
}

/** Every presence change is kept (reports: time in each state); the commands that change it call this. */
export async function recordPresenceChange(tx: Tx, agentId: string, presence: Presence): Promise<void> {
  await tx.presenceChange.create({ data: { agentId, presence } });
}

/** An open console stream calls this on a timer: routing offers only to agents whose console is open. */
export async function markConnected(agentId: string, until: Date, db: Db = defaultDb()): Promise<void> {
  await db.agent.update({ where: { id: agentId }, data: { connectedUntil: until } });
}
