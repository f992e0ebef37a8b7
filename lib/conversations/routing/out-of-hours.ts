// Queues outside their business hours (lib/shared/hours): the routing tick offers none of their
// conversations, and tells a customer whose episode began while the queue was closed, once per
// episode, the queue's away message, and a custom channel the seed-000 lifecycle event naming why
// (OutOfOperatingHoursDueToHoliday / …DueToNonWorkingHours). Done here, after the ingest statement
// committed, so the hot path never reads a calendar.
import type { Tx } from '../../db/client';
import { Prisma, type Activity } from '../../db/generated/client';
import { closedReason } from '../../shared/hours/business-hours';
import type { ClosedReason } from '../../shared/hours/calendar-shape';
import { storedCalendar } from '../../hours/stored-calendar';
import { insertActivity } from '../../activities/new-activity';
import { initialDeliveryState, routeOutbound } from '../../outbound/route';
import type { Calendar } from '../../protocol/console/calendar';
import { recordLifecycleEvent, type LifecycleEventName } from '../lifecycle';
import { publishConversationChange } from '../publish';

export interface ClosedQueue {
  id: string;
  name: string;
  calendar: Calendar;
  reason: ClosedReason;
  awayMessage: string | null;
}

const EVENT: Record<ClosedReason, LifecycleEventName> = {
  holiday: 'OutOfOperatingHoursDueToHoliday',
  'non-working-hours': 'OutOfOperatingHoursDueToNonWorkingHours',
};

/** The queues whose calendar says they are closed at `now` (a queue without one is always open). */
export async function closedQueues(tx: Tx, now: Date): Promise<ClosedQueue[]> {
  const rows = await tx.queue.findMany({
    where: { calendar: { not: Prisma.DbNull } },
    select: { id: true, name: true, calendar: true, awayMessage: true },
  });
  return rows.flatMap((row) => {
    const calendar = storedCalendar(row.calendar);
    const reason = calendar && closedReason(calendar, now);
    return calendar && reason ? [{ id: row.id, name: row.name, calendar, reason, awayMessage: row.awayMessage }] : [];
  });
}

/**
 * Waiting conversations of closed queues whose current episode has not been looked at yet. Each is
 * marked for its episode; it is told only if its queue was already closed when it was queued (one
 * that began during the hours and is still waiting at closing time is not told afterwards).
 */
export async function noticeClosedQueues(tx: Tx, closed: ClosedQueue[], limit: number): Promise<number> {
  if (closed.length === 0) return 0;
  const byId = new Map(closed.map((queue) => [queue.id, queue]));
  const waiting = await tx.conversation.findMany({
    where: { state: 'queued', queueId: { in: [...byId.keys()] }, closedNoticeEpisode: { lt: tx.conversation.fields.episode } },
    select: { id: true, queueId: true, queuedAt: true, episode: true, outboundChannelId: true },
    orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  let told = 0;
  for (const conversation of waiting) {
    const queue = byId.get(conversation.queueId!)!;
    const marked = await tx.conversation.updateMany({
      where: { id: conversation.id, episode: conversation.episode, closedNoticeEpisode: { lt: conversation.episode } },
      data: { closedNoticeEpisode: conversation.episode },
    });
    if (marked.count === 0 || !conversation.queuedAt || !closedReason(queue.calendar, conversation.queuedAt)) continue;
    const activities: Activity[] = [];
    if (queue.awayMessage) activities.push(await sendAwayMessage(tx, conversation, queue));
    activities.push(await recordLifecycleEvent(tx, { conversation, name: EVENT[queue.reason] }));
    await publishConversationChange(tx, conversation.id, activities);
    told += 1;
  }
  return told;
}

/**
 * The away message, sent as any outbound message (the outbox, or the transcript a Direct Line
 * client reads), from the console rather than a rep: no `agentId` and role `system`, so it never
 * counts as a rep's response.
 */
async function sendAwayMessage(tx: Tx, conversation: { id: string; outboundChannelId: string | null }, queue: ClosedQueue): Promise<Activity> {
  const from = { id: 'console', name: queue.name, role: 'bot' };
  const activity = await insertActivity(tx, conversation.id, {
    type: 'message',
    direction: 'outbound',
    fromId: from.id,
    fromName: from.name,
    fromRole: 'system',
    agentId: null,
    text: queue.awayMessage,
    textFormat: 'plain',
    raw: { type: 'message', from, text: queue.awayMessage, textFormat: 'plain', channelData: { automatic: 'awayMessage' } },
    deliveryState: initialDeliveryState(conversation),
  });
  await routeOutbound(tx, conversation, activity.id);
  return activity;
}
