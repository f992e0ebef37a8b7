import { db as defaultDb, type Db } from '../db/client';
import { notifyAfterCommit, transaction } from '../db/transaction';
import type { ActingAgent } from '../conversations/agent';
import { conflict, forbidden, notFound } from '../errors/app-error';
import { appendEvent } from '../realtime/event-log';
import { canRetryDelivery } from '../shared/policies';
import { toActivityView } from '../views/map';
import type { ActivityView } from '../views/types';
import { OUTBOX_CHANNEL } from './enqueue';

/**
 * The rep's `Retry` on a failed message: its delivery is due again with a fresh set of attempts,
 * carrying the same activity id so the channel can tell it is the same message.
 */
export async function retryDelivery(input: { activityId: string; agent: ActingAgent }, db: Db = defaultDb()): Promise<ActivityView> {
  return transaction(db, async (tx) => {
    const activity = await tx.activity.findUnique({ where: { id: input.activityId }, include: { conversation: true } });
    if (!activity) throw notFound('Message not found.');
    if (!canRetryDelivery(input.agent, activity.conversation)) throw forbidden('Only the owner of the conversation or a supervisor can retry.');
    const failed = await tx.delivery.findFirst({ where: { activityId: activity.id, status: 'failed' }, orderBy: { seq: 'desc' } });
    if (!failed) throw conflict('This message has no failed delivery to retry.', 'NothingToRetry');
    await tx.delivery.update({
      where: { id: failed.id },
      data: { status: 'pending', attempts: 0, runAt: new Date(), lastError: null, finishedAt: null },
    });
    const updated = await tx.activity.update({ where: { id: activity.id }, data: { deliveryState: 'sending', deliveryError: null } });
    notifyAfterCommit(tx, OUTBOX_CHANNEL);
    const view = toActivityView(updated);
    await appendEvent(tx, { type: 'activity.updated', conversationId: activity.conversationId, activity: view });
    return view;
  });
}
