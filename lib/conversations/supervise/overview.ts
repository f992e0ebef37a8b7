import { db as defaultDb, type Db } from '../../db/client';
import type { SupervisorActionView, SupervisorOverview } from '../../views/types';
import { loadDirectory } from '../routing/agent-status';
import { conversationRefs, slaOf } from '../../views/map';

const MAX_ROWS = 500;

/** Everything open right now, agents with presence and load, and each queue's depth and longest wait. */
export async function supervisorOverview(db: Db = defaultDb()): Promise<SupervisorOverview> {
  const [rows, directory, waits] = await Promise.all([
    db.conversation.findMany({
      where: { state: { in: ['bot', 'queued', 'offered', 'active', 'wrapup'] } },
      orderBy: [{ lastActivityAt: 'desc' }, { id: 'desc' }],
      take: MAX_ROWS,
      include: {
        channel: { select: { kind: true } },
        queue: { select: { name: true } },
        owner: { select: { displayName: true } },
        episodes: conversationRefs.episodes,
      },
    }),
    loadDirectory(db),
    db.conversation.groupBy({ by: ['queueId'], where: { state: { in: ['queued', 'offered'] } }, _min: { queuedAt: true }, _count: true }),
  ]);
  const waitOf = new Map(waits.map((w) => [w.queueId, w]));
  return {
    conversations: rows.map((row) => ({
      id: row.id,
      channel: row.channel.kind,
      customerName: row.customerName ?? row.customerId ?? 'Customer',
      queueName: row.queue?.name ?? null,
      ownerName: row.owner?.displayName ?? null,
      state: row.state,
      waitingSince: (row.state === 'queued' || row.state === 'offered') && row.queuedAt ? row.queuedAt.toISOString() : null,
      lastActivityAt: row.lastActivityAt.toISOString(),
      ...slaOf(row),
    })),
    agents: directory.agents,
    queues: directory.queues.map((queue) => {
      const wait = waitOf.get(queue.id);
      return { id: queue.id, name: queue.name, waiting: wait?._count ?? 0, longestWaitSince: wait?._min.queuedAt?.toISOString() ?? null };
    }),
  };
}

export async function supervisorActions(limit = 100, db: Db = defaultDb()): Promise<SupervisorActionView[]> {
  const rows = await db.supervisorAction.findMany({
    orderBy: { id: 'desc' },
    take: limit,
    include: {
      supervisor: { select: { displayName: true } },
      agent: { select: { displayName: true } },
      conversation: { select: { customerName: true, customerId: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    kind: row.kind,
    supervisorName: row.supervisor.displayName,
    conversationId: row.conversationId,
    customerName: row.conversation.customerName ?? row.conversation.customerId ?? 'Customer',
    agentName: row.agent?.displayName ?? null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  }));
}
