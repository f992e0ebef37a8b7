import type { Tx } from '../db/client';
import type { DeliveryOperation } from '../db/generated/client';
import { notifyAfterCommit } from '../db/transaction';

export const OUTBOX_CHANNEL = 'outbox';

/** Queues an activity for its channel inside the caller's `transaction()`; workers wake after commit. */
export async function enqueueDelivery(
  tx: Tx,
  input: { activityId: string; conversationId: string; channelId: string; operation?: DeliveryOperation },
) {
  await tx.delivery.create({ data: input });
  notifyAfterCommit(tx, OUTBOX_CHANNEL);
}
