// A channel's report on a message the console sent (delivered, read, failed), keyed by the id the
// channel gave it. Reports arrive out of order and may overtake the send's own answer: a report
// for an id no message carries yet is kept (PendingDeliveryStatus) and applied by the outbox worker
// when it records that id (lib/outbound/early-statuses.ts); one never claimed is pruned after
// EARLY_STATUS_RETENTION_DAYS (lib/retention). Both sides take the id's advisory lock first, so
// whichever commits second sees the other's row.
import type { DeliveryState, Prisma } from '../db/generated/client';
import { lockStatus } from '../db/sql/delivery-status';
import { appendEvent } from '../realtime/event-log';
import { attachmentRefs, toActivityView } from '../views/map';

export interface DeliveryReport {
  externalId: string;
  state: 'sent' | 'delivered' | 'read' | 'failed';
  /** Shown beside a failed message. */
  error: string | null;
}

const RANK: Record<DeliveryState, number> = { none: 0, sending: 1, failed: 1, sent: 2, delivered: 3, read: 4 };

/** Whether a report moves a message on: never backwards, and a failure only before delivery. */
export function advances(current: DeliveryState, next: DeliveryState): boolean {
  return next === 'failed' ? RANK[current] < RANK.delivered : RANK[next] > RANK[current];
}

export async function applyDeliveryReport(tx: Prisma.TransactionClient, report: DeliveryReport): Promise<'applied' | 'kept'> {
  await lockStatus(tx, report.externalId);
  const activity = await tx.activity.findFirst({ where: { externalId: report.externalId, direction: 'outbound' } });
  if (!activity) {
    await tx.pendingDeliveryStatus.create({ data: { externalId: report.externalId, state: report.state, error: report.error } });
    return 'kept';
  }
  if (!advances(activity.deliveryState, report.state)) return 'applied';
  const updated = await tx.activity.update({
    where: { id: activity.id },
    data: { deliveryState: report.state, deliveryError: report.state === 'failed' ? report.error : null },
    include: attachmentRefs,
  });
  await appendEvent(tx, { type: 'activity.updated', conversationId: activity.conversationId, activity: toActivityView(updated) });
  return 'applied';
}
