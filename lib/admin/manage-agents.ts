// Administration of agents: create, change role, capacity, queues, password; deactivate (which also
// ends their sessions and takes them out of routing).
import { hashPassword } from '../auth/password';
import { publishAgentStatus, recordPresenceChange } from '../conversations/routing/agent-status';
import { db as defaultDb, type Db } from '../db/client';
import { isUniqueViolation } from '../db/prisma-errors';
import { transaction } from '../db/transaction';
import { conflict, forbidden, notFound } from '../errors/app-error';
import type { AdminAgent, AgentChange, NewAgent } from '../protocol/console';
import { recordAudit, type AuditActor, type AuditRep } from '../audit/record-audit';

const select = { id: true, email: true, displayName: true, role: true, capacity: true, active: true, queues: { select: { queueId: true } } } as const;
const toView = (row: { queues: { queueId: string }[] } & Omit<AdminAgent, 'queueIds'>): AdminAgent => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  role: row.role,
  capacity: row.capacity,
  active: row.active,
  queueIds: row.queues.map((q) => q.queueId),
});

export async function listAgents(db: Db = defaultDb()): Promise<AdminAgent[]> {
  return (await db.agent.findMany({ select, orderBy: [{ active: 'desc' }, { displayName: 'asc' }] })).map(toView);
}

export async function createAgent(input: NewAgent, actor: AuditActor, db: Db = defaultDb()): Promise<AdminAgent> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(db, async (tx) => {
      await assertQueues(tx, input.queueIds);
      const row = await tx.agent.create({
        data: {
          email: input.email.toLowerCase(),
          displayName: input.displayName,
          role: input.role,
          capacity: input.capacity,
          passwordHash,
          queues: { create: input.queueIds.map((queueId) => ({ queueId })) },
        },
        select,
      });
      await publishAgentStatus(tx, row.id);
      await recordAudit(tx, { actor, action: 'agent.create', target: `agent:${row.id}`, after: toView(row) });
      return toView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('An agent with this email exists already.', 'EmailTaken');
    throw error;
  }
}


/** `byAdmin`: the administrator making the change, who may not lock themselves out. */
export async function updateAgent(id: string, change: AgentChange, byAdmin: AuditRep, db: Db = defaultDb()): Promise<AdminAgent> {
  if (id === byAdmin.id && (change.active === false || (change.role && change.role !== 'admin'))) {
    throw forbidden('You cannot deactivate yourself or give up your own admin role.', 'SelfLockout');
  }
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  return transaction(db, async (tx) => {
    const existing = await tx.agent.findUnique({ where: { id }, select: { ...select, presence: true } });
    if (!existing) throw notFound('No such agent.', 'AgentNotFound');
    if (change.queueIds) {
      await assertQueues(tx, change.queueIds);
      await tx.queueMember.deleteMany({ where: { agentId: id } });
      await tx.queueMember.createMany({ data: change.queueIds.map((queueId) => ({ queueId, agentId: id })) });
    }
    const row = await tx.agent.update({
      where: { id },
      data: {
        ...(change.displayName !== undefined && { displayName: change.displayName }),
        ...(change.role !== undefined && { role: change.role }),
        ...(change.capacity !== undefined && { capacity: change.capacity }),
        ...(passwordHash && { passwordHash }),
        ...(change.active !== undefined && { active: change.active }),
        // A deactivated agent leaves routing at once.
        ...(change.active === false && { presence: 'offline', connectedUntil: null }),
      },
      select,
    });
    if (change.active === false && existing.presence !== 'offline') await recordPresenceChange(tx, id, 'offline');
    // Deactivation or a new password ends every session of theirs.
    if (change.active === false || passwordHash) await tx.session.deleteMany({ where: { agentId: id } });
    await publishAgentStatus(tx, id);
    await recordAudit(tx, {
      actor: byAdmin,
      action: 'agent.update',
      target: `agent:${id}`,
      before: toView(existing),
      after: { ...toView(row), ...(passwordHash && { password: 'changed' }) },
    });
    return toView(row);
  });
}

async function assertQueues(tx: Pick<Db, 'queue'>, queueIds: string[]): Promise<void> {
  if (queueIds.length === 0) return;
  const found = await tx.queue.count({ where: { id: { in: queueIds } } });
  if (found !== new Set(queueIds).size) throw notFound('A queue does not exist.', 'QueueNotFound');
}
