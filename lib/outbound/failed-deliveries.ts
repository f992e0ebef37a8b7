import { db as defaultDb, type Db } from '../db/client';
import type { FailedDeliveryView } from '../views/types';


/** The most recent deliveries that gave up, newest first, for supervisors. */
export async function listFailedDeliveries(limit = 100, db: Db = defaultDb()): Promise<FailedDeliveryView[]> {
  const rows = await db.delivery.findMany({
    where: { status: 'failed' },
    orderBy: { finishedAt: 'desc' },
    take: limit,
    include: {
      channel: { select: { kind: true, name: true } },
      activity: { select: { type: true, name: true, text: true, conversation: { select: { customerName: true } } } },
      attemptsLog: { orderBy: { attempt: 'desc' }, take: 1, select: { statusCode: true } },
    },
  });
  return rows.map((row) => ({
    deliveryId: row.id,
    activityId: row.activityId,
    conversationId: row.conversationId,
    customerName: row.activity.conversation.customerName,
    channel: `${row.channel.kind}:${row.channel.name}`,
    activityType: row.activity.type,
    eventName: row.activity.name,
    text: row.activity.text,
    attempts: row.attempts,
    reason: row.lastError,
    failedAt: row.finishedAt?.toISOString() ?? null,
    lastStatusCode: row.attemptsLog[0]?.statusCode ?? null,
  }));
}
