import { publishAgentStatus } from '../conversations/routing/agent-status';
import { db as defaultDb, type Db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { transaction } from '../db/transaction';
import { isUniqueViolation } from '../db/prisma-errors';
import { conflict, notFound } from '../errors/app-error';
import { storedCalendar } from '../hours/stored-calendar';
import type { AdminQueue } from '../protocol/console';
import type { QueueBotChange, QueueChange } from '../protocol/console/admin';
import { env } from '../config/env';
import type { Tx } from '../db/client';
import type { Calendar } from '../protocol/console/calendar';
import { recordAudit, type AuditRep } from '../audit/record-audit';

export async function listQueues(db: Db | Tx = defaultDb(), only?: string): Promise<AdminQueue[]> {
  const rows = await db.queue.findMany({
    where: only === undefined ? {} : { id: only },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      surveyEnabled: true,
      calendar: true,
      awayMessage: true,
      firstResponseTargetSeconds: true,
      nextResponseTargetSeconds: true,
      retentionDays: true,
      botMode: true,
      botChannel: { select: { settings: true } },
      members: { select: { agentId: true } },
      _count: { select: { conversations: { where: { state: { in: ['queued', 'offered'] } } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    memberIds: row.members.map((m) => m.agentId),
    waiting: row._count.conversations,
    calendar: storedCalendar(row.calendar),
    awayMessage: row.awayMessage,
    surveyEnabled: row.surveyEnabled,
    firstResponseTargetSeconds: row.firstResponseTargetSeconds,
    nextResponseTargetSeconds: row.nextResponseTargetSeconds,
    retentionDays: row.retentionDays,
    retentionDefaultDays: env().CONVERSATION_RETENTION_DAYS ?? null,
    bot: botView(row.botMode, row.botChannel?.settings),
  }));
}

/** One queue as administrators see it (404 when there is none), e.g. before and after a change. */
async function queueView(db: Db | Tx, queueId: string): Promise<AdminQueue> {
  const [queue] = await listQueues(db, queueId);
  if (!queue) throw notFound('No such queue.', 'QueueNotFound');
  return queue;
}

function botView(mode: 'environment' | 'own' | 'none', settings: unknown): AdminQueue['bot'] {
  if (mode === 'none') return { mode, appId: null, endpoint: null };
  if (mode === 'environment') return { mode, appId: env().AGENT_BOT_APP_ID ?? null, endpoint: env().AGENT_BOT_ENDPOINT ?? null };
  const own = (settings ?? {}) as { appId?: string; endpoint?: string };
  return { mode, appId: own.appId ?? null, endpoint: own.endpoint ?? null };
}

export async function createQueue(name: string, actor: AuditRep, db: Db = defaultDb()): Promise<AdminQueue> {
  try {
    return await transaction(db, async (tx) => {
      const row = await tx.queue.create({ data: { name } });
      await recordAudit(tx, { actor, action: 'queue.create', target: `queue:${row.id}`, after: { name } });
      return queueOf(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('A queue with this name exists already.', 'QueueNameTaken');
    throw error;
  }
}

function queueOf(row: { id: string; name: string; surveyEnabled: boolean; botMode: 'environment' | 'own' | 'none' }): AdminQueue {
    return {
      id: row.id,
      name: row.name,
      memberIds: [],
      waiting: 0,
      calendar: null,
      awayMessage: null,
      surveyEnabled: row.surveyEnabled,
      firstResponseTargetSeconds: null,
      nextResponseTargetSeconds: null,
      retentionDays: null,
      retentionDefaultDays: env().CONVERSATION_RETENTION_DAYS ?? null,
      bot: botView(row.botMode, null),
    };
}

/** Sets who is in a queue (who sees and is offered its conversations). */
export async function setQueueMembers(queueId: string, agentIds: string[], actor: AuditRep, db: Db = defaultDb()): Promise<AdminQueue> {
  return transaction(db, async (tx) => {
    const queue = await tx.queue.findUnique({ where: { id: queueId }, select: { id: true } });
    if (!queue) throw notFound('No such queue.', 'QueueNotFound');
    const unique = [...new Set(agentIds)];
    if ((await tx.agent.count({ where: { id: { in: unique } } })) !== unique.length) throw notFound('An agent does not exist.', 'AgentNotFound');
    const before = await tx.queueMember.findMany({ where: { queueId }, select: { agentId: true } });
    await tx.queueMember.deleteMany({ where: { queueId } });
    await tx.queueMember.createMany({ data: unique.map((agentId) => ({ queueId, agentId })) });
    // Each affected agent's console (and stream filter) learns their queues changed.
    for (const agentId of new Set([...before.map((m) => m.agentId), ...unique])) await publishAgentStatus(tx, agentId);
    await recordAudit(tx, { actor, action: 'queue.members', target: `queue:${queueId}`, before: { memberIds: before.map((m) => m.agentId) }, after: { memberIds: unique } });
    return queueView(tx, queueId);
  });
}

/**
 * A queue's settings: the satisfaction survey (from the next close on) and the SLA targets (the
 * SLA step of the routing tick applies them to open episodes on its next turn).
 */
export async function updateQueue(queueId: string, change: QueueChange, actor: AuditRep, db: Db = defaultDb()): Promise<AdminQueue> {
  const { bot, ...settings } = change;
  return transaction(db, async (tx) => {
    const before = await queueView(tx, queueId);
    await tx.queue.update({ where: { id: queueId }, data: { ...settings, ...(bot && (await botColumns(tx, bot))) } });
    const after = await queueView(tx, queueId);
    await recordAudit(tx, { actor, action: 'queue.update', target: `queue:${queueId}`, before: settingsOf(before), after: settingsOf(after) });
    return after;
  });
}

/** What `updateQueue` changes, for the audit log. */
const settingsOf = ({ surveyEnabled, firstResponseTargetSeconds, nextResponseTargetSeconds, retentionDays, bot }: AdminQueue) => ({
  surveyEnabled,
  firstResponseTargetSeconds,
  nextResponseTargetSeconds,
  retentionDays,
  bot,
});

/**
 * A queue's own bot is the bot channel row named by its app id (one row per bot, whichever queues
 * use it: the endpoint given last is the bot's). Conversations the bot holds now stay with it.
 */
async function botColumns(tx: Tx, bot: QueueBotChange) {
  if (bot.mode !== 'own') return { botMode: bot.mode, botChannelId: null };
  const settings = { endpoint: bot.endpoint, appId: bot.appId };
  const channel = await tx.channel.upsert({
    where: { kind_name: { kind: 'bot', name: bot.appId } },
    update: { settings },
    create: { kind: 'bot', name: bot.appId, settings },
    select: { id: true },
  });
  return { botMode: 'own' as const, botChannelId: channel.id };
}

/** Sets a queue's business hours (null: always open) and away message (null: none); the routing tick reads them on its next turn. */
export async function setQueueHours(
  queueId: string,
  hours: { calendar: Calendar | null; awayMessage: string | null },
  actor: AuditRep,
  db: Db = defaultDb(),
): Promise<AdminQueue> {
  return transaction(db, async (tx) => {
    const before = await queueView(tx, queueId);
    await tx.queue.update({ where: { id: queueId }, data: { calendar: hours.calendar ?? Prisma.DbNull, awayMessage: hours.awayMessage } });
    const after = await queueView(tx, queueId);
    const hoursOf = (queue: AdminQueue) => ({ calendar: queue.calendar, awayMessage: queue.awayMessage });
    await recordAudit(tx, { actor, action: 'queue.hours', target: `queue:${queueId}`, before: hoursOf(before), after: hoursOf(after) });
    return after;
  });
}
