// Routing: the longest-waiting conversation of a queue is offered to the available, connected member
// with free capacity who has been idle longest. One instance routes at a time (an advisory lock), so
// two instances never offer one conversation twice; everything else is plain conditional updates.
import type { Db, Tx } from '../../db/client';
import { transaction } from '../../db/transaction';
import type { Offer } from '../../db/generated/client';
import { lapsedOwners, longestIdleMember, queuesWithRoom, tryAdvisoryLock } from '../../db/sql/routing';
import { recordLifecycleEvent, type LifecycleEventName } from '../lifecycle';
import { publishConversationChange } from '../publish';
import { publishOffer } from '../offers/offer-view';
import { publishAgentStatus } from './agent-status';
import { closedQueues, noticeClosedQueues } from './out-of-hours';
import { checkSlaClocks } from '../sla/sla-step';
import { checkBotConversations } from '../bot/bot-step';

const ROUTING_LOCK = 72707370;
const DISCONNECTION_LOCK = 72707371;
const SLA_LOCK = 72707372;
const BOT_LOCK = 72707373;
/** Open episodes whose SLA clock a tick looks at. */
const SLA_EPISODES_PER_TICK = 500;
const BATCH = 50;
/**
 * A tick announces this many at most, the latest disconnections and conversations first (a backlog
 * waits for the next ticks), so its transaction stays short and a fresh disconnection is told at once.
 */
const DISCONNECTIONS_PER_TICK = 20;

export interface RoutingResult {
  expired: number;
  offered: number;
  disconnected: number;
  /** Conversations told their queue is closed (away message, out-of-hours event). */
  outOfHours: number;
  /** SLA warnings and breaches recorded. */
  slaAlerts: number;
  /** Handoffs told `failed`, bot conversations closed idle. */
  bot: number;
}

export async function routeWaitingConversations(db: Db, options: { offerTimeoutMs: number; now?: Date }): Promise<RoutingResult> {
  const now = options.now ?? new Date();
  const routed = await transaction(db, async (tx) => {
    if (!(await tryAdvisoryLock(tx, ROUTING_LOCK))) return { expired: 0, offered: 0, outOfHours: 0 };
    const expired = await expireOffers(tx, now);
    const closed = await closedQueues(tx, now);
    const outOfHours = await noticeClosedQueues(tx, closed, BATCH);
    const offered = await offerWaiting(tx, now, options.offerTimeoutMs, closed.map((queue) => queue.id));
    return { expired, offered, outOfHours };
  });
  // Apart from routing, so that however many there are, announcing them never holds up an offer.
  const disconnected = await transaction(db, async (tx) => ((await tryAdvisoryLock(tx, DISCONNECTION_LOCK)) ? announceDisconnections(tx, now) : 0));
  const slaAlerts = await transaction(db, async (tx) => ((await tryAdvisoryLock(tx, SLA_LOCK)) ? checkSlaClocks(tx, now, SLA_EPISODES_PER_TICK) : 0));
  const bot = await transaction(db, async (tx) => ((await tryAdvisoryLock(tx, BOT_LOCK)) ? checkBotConversations(tx, now, BATCH) : 0));
  return { ...routed, disconnected, slaAlerts, bot };
}

const TIMED_OUT: Record<Offer['kind'], LifecycleEventName | null> = {
  route: null,
  transfer: 'TransferAgentTimedOutSession',
  consult: 'ConsultAgentSessionTimedOut',
};

async function expireOffers(tx: Tx, now: Date): Promise<number> {
  const overdue = await tx.offer.findMany({ where: { state: 'pending', expiresAt: { lte: now } }, take: BATCH });
  for (const offer of overdue) {
    const updated = await tx.offer.updateMany({ where: { id: offer.id, state: 'pending' }, data: { state: 'expired', respondedAt: now } });
    if (updated.count === 0) continue;
    await publishOffer(tx, offer);
    await afterOfferEnded(tx, offer, TIMED_OUT[offer.kind]);
  }
  return overdue.length;
}

/**
 * What follows an offer that ended unanswered (declined or expired): a routing offer puts the
 * conversation back in its queue for the next agent; a transfer or consult request stays with the
 * owner and the timeline says why.
 */
export async function afterOfferEnded(tx: Tx, offer: Offer, event: LifecycleEventName | null): Promise<void> {
  const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: offer.conversationId } });
  const events = [];
  if (offer.kind === 'route') {
    await tx.conversation.updateMany({
      where: { id: conversation.id, state: 'offered' },
      data: { state: 'queued', version: { increment: 1 } },
    });
  } else if (event) {
    const agent = await tx.agent.findUniqueOrThrow({ where: { id: offer.agentId }, select: { id: true, displayName: true, role: true } });
    events.push(await recordLifecycleEvent(tx, { conversation, name: event, agent }));
  }
  await publishConversationChange(tx, conversation.id, events);
  await publishAgentStatus(tx, offer.agentId);
}

/**
 * `AgentDisconnected`, once per disconnection, in each conversation whose owner had the console open
 * while owning it and whose heartbeat has now lapsed (`connectedUntil` includes the grace). A later
 * heartbeat moves `connectedUntil` past the event, so the next disconnection is announced again.
 * The conversation stays theirs: they may come back, or a supervisor reassigns it.
 */
async function announceDisconnections(tx: Tx, now: Date): Promise<number> {
  const gone = await lapsedOwners(tx, now, DISCONNECTIONS_PER_TICK);
  for (const row of gone) {
    const agent = { id: row.agentId, displayName: row.displayName, role: row.role };
    const conversation = { id: row.conversationId, outboundChannelId: row.outboundChannelId };
    const event = await recordLifecycleEvent(tx, { conversation, name: 'AgentDisconnected', agent });
    await publishConversationChange(tx, conversation.id, [event]);
  }
  return gone.length;
}

/** Offers waiting conversations, except those of `closedQueueIds` (reps may still take them from Unassigned). */
async function offerWaiting(tx: Tx, now: Date, offerTimeoutMs: number, closedQueueIds: string[]): Promise<number> {
  const open = [...(await queuesWithRoom(tx, now))].filter((queueId) => !closedQueueIds.includes(queueId));
  if (open.length === 0) return 0;
  const waiting = await tx.conversation.findMany({
    where: { state: 'queued', queueId: { in: open } },
    orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, queueId: true, queuedAt: true, version: true },
    take: BATCH,
  });
  let offered = 0;
  for (const conversation of waiting) {
    const agentId = await longestIdleAgent(tx, conversation.queueId!, conversation.id, conversation.queuedAt ?? new Date(0), now);
    if (!agentId) continue;
    const claimed = await tx.conversation.updateMany({
      where: { id: conversation.id, state: 'queued', version: conversation.version },
      data: { state: 'offered', version: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    const offer = await tx.offer.create({
      data: {
        conversationId: conversation.id,
        agentId,
        kind: 'route',
        queueId: conversation.queueId,
        expiresAt: new Date(now.getTime() + offerTimeoutMs),
      },
    });
    await tx.agent.update({ where: { id: agentId }, data: { idleSince: now } });
    await publishOffer(tx, offer);
    await publishConversationChange(tx, conversation.id);
    await publishAgentStatus(tx, agentId);
    offered += 1;
  }
  return offered;
}

/**
 * A queue member who is available, has the console open, has room under their capacity, and has not
 * already let this conversation pass since it joined the queue.
 */
async function longestIdleAgent(tx: Tx, queueId: string, conversationId: string, queuedAt: Date, now: Date): Promise<string | null> {
  return longestIdleMember(tx, { queueId, conversationId, queuedAt, now });
}
