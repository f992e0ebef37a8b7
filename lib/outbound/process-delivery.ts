// Claims the next due delivery, sends it, and records the attempt and its consequences, all in one
// transaction that holds the row lock during the send: if this process dies mid-send, the lock is
// released with the connection and the delivery is simply due again (sent again with the same id).
import type { Db, Tx } from '../db/client';
import { notifyAfterCommit, transaction } from '../db/transaction';
import type { DeliveryState } from '../db/generated/client';
import { logger } from '../log/logger';
import { appendEvent } from '../realtime/event-log';
import { OUTBOX_CHANNEL } from './enqueue';
import { attachmentRefs, toActivityView } from '../views/map';
import { nextStep, type AttemptOutcome, type NextStep } from './retry-policy';
import { prepareDelivery } from './targets';

const TRANSACTION_TIMEOUT_MS = 90_000;

/** Due, and the oldest pending delivery of its conversation (deliveries of a conversation keep their order). */
async function claimNext(tx: Tx): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM "Delivery" d
    WHERE d.status = 'pending' AND d."runAt" <= now()
      AND NOT EXISTS (
        SELECT 1 FROM "Delivery" e
        WHERE e."conversationId" = d."conversationId" AND e.status = 'pending' AND e.seq < d.seq)
    ORDER BY d."runAt", d.seq
    LIMIT 1
    FOR UPDATE OF d SKIP LOCKED`;
  return rows[0]?.id ?? null;
}

export async function processNextDelivery(db: Db): Promise<'processed' | 'idle'> {
  return transaction(db, 
    async (tx) => {
      const id = await claimNext(tx);
      if (!id) return 'idle';
      const delivery = await tx.delivery.findUniqueOrThrow({
        where: { id },
        include: { channel: true, activity: { include: { attachments: { orderBy: { seq: 'asc' } }, conversation: true } } },
      });
      const attempt = delivery.attempts + 1;
      const prepared = await prepareDelivery(tx, delivery);
      const startedAt = new Date();
      let outcome: AttemptOutcome | null = null;
      let step: NextStep;
      if (prepared.ok) {
        outcome = await prepared.send();
        step = nextStep(prepared.policy, outcome, attempt);
      } else {
        step = { action: 'give-up', reason: prepared.reason };
      }
      const durationMs = Date.now() - startedAt.getTime();
      if (prepared.ok && outcome) await prepared.afterOutcome?.(tx, outcome);
      const nextAttemptAt = step.action === 'retry' ? new Date(Date.now() + step.delayMs) : null;

      await tx.deliveryAttempt.create({
        data: {
          deliveryId: id,
          attempt,
          startedAt,
          durationMs,
          target: prepared.target,
          statusCode: outcome?.kind === 'answered' ? outcome.status : null,
          error: step.action === 'done' ? null : outcome ? describeOutcome(outcome) : step.action === 'give-up' ? step.reason : null,
          nextAttemptAt,
        },
      });
      await tx.delivery.update({
        where: { id },
        data: {
          attempts: attempt,
          status: step.action === 'done' ? 'succeeded' : step.action === 'give-up' ? 'failed' : 'pending',
          runAt: nextAttemptAt ?? undefined,
          lastError: step.action === 'give-up' ? step.reason : outcome && step.action === 'retry' ? describeOutcome(outcome) : null,
          finishedAt: step.action === 'retry' ? null : new Date(),
        },
      });
      // Wakes workers waiting behind this delivery (the next one of the same conversation).
      notifyAfterCommit(tx, OUTBOX_CHANNEL);
      logger[step.action === 'give-up' ? 'warn' : 'debug'](
        { deliveryId: id, activityId: delivery.activityId, attempt, target: prepared.target, action: step.action, durationMs },
        step.action === 'give-up' ? `delivery failed: ${step.reason}` : 'delivery attempt',
      );

      if (step.action === 'retry') return 'processed';
      if (delivery.operation !== 'send') {
        // An edit or deletion: the message keeps its state; a failure is shown beside it.
        const what = delivery.operation === 'update' ? 'The edit' : 'The deletion';
        const revised = await tx.activity.update({
          where: { id: delivery.activityId },
          data: { deliveryError: step.action === 'give-up' ? `${what} did not reach the channel: ${step.reason}` : null },
          include: attachmentRefs,
        });
        await appendEvent(tx, { type: 'activity.updated', conversationId: revised.conversationId, activity: toActivityView(revised) });
        return 'processed';
      }
      const state: DeliveryState = step.action === 'done' ? 'sent' : 'failed';
      // Never move a message backwards: a channel may already have reported it delivered or read.
      // The channel's id for what we sent (Teams answers `{id}`): read receipts and edits refer to it.
      const channelId = outcome?.kind === 'answered' ? (outcome.body as { id?: unknown } | undefined)?.id : undefined;
      if (step.action === 'done' && typeof channelId === 'string' && !delivery.activity.externalId) {
        await tx.activity.update({ where: { id: delivery.activityId }, data: { externalId: channelId.slice(0, 1024) } });
      }
      const changed = await tx.activity.updateMany({
        where: { id: delivery.activityId, deliveryState: { in: ['sending', 'failed', 'none'] } },
        data: { deliveryState: state, deliveryError: step.action === 'give-up' ? step.reason : null },
      });
      if (changed.count > 0) {
        const activity = await tx.activity.findUniqueOrThrow({ where: { id: delivery.activityId } });
        await appendEvent(tx, { type: 'activity.updated', conversationId: activity.conversationId, activity: toActivityView(activity) });
      }
      return 'processed';
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
}

function describeOutcome(outcome: AttemptOutcome): string {
  if (outcome.kind === 'answered') return `HTTP ${outcome.status}`;
  if (outcome.kind === 'timeout') return 'timed out';
  return outcome.message;
}

/** The earliest time a pending delivery becomes due, for an idle worker's timer. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const row = await db.delivery.findFirst({ where: { status: 'pending' }, orderBy: { runAt: 'asc' }, select: { runAt: true } });
  return row?.runAt ?? null;
}
