import type { Tx } from '../db/client';

export const OUTBOX_CHANNEL = 'outbox';

/** Queues an activity for its channel inside the caller's transaction; workers wake on commit. */
export async function enqueueDelivery(tx: Tx, input: { activityId: string; conversationId: string; channelId: string }) {
  await tx.delivery.create({ data: input });
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
}
