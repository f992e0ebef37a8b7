// One worker transaction: claim up to `batchSize` due deliveries (of distinct conversations), send
// them in parallel, and record every attempt and its consequences, all in the transaction that holds
// the row locks during the sends: if this process dies mid-send, the locks are released with the
// connection and the deliveries are simply due again (sent again with the same ids). The batch
// commits together, so a slow channel holds its batch-mates' `Sent` until it answers or times out.
import type { Db } from '../db/client';
import { pgTransaction } from '../db/pg-transaction';
import { logger } from '../log/logger';
import { attemptRecord, type AttemptRecord } from './attempt-record';
import { claimDue, type ClaimedDelivery } from './claim';
import { OUTBOX_CHANNEL } from './enqueue';
import { recordAttempts } from './record-attempts';
import { nextStep, type AttemptOutcome, type NextStep } from './retry-policy';
import { prepareDelivery } from './targets';
import { botUnavailable } from '../conversations/bot/bot-unavailable';

/** Longer than any policy's timeout; a transaction idle this long is ended by the server. */
const TRANSACTION_TIMEOUT_MS = 90_000;
/** A delivery that failed inside the console (not at the channel) is tried again after this long. */
const INTERNAL_ERROR_RETRY_MS = 5_000;

/**
 * Resolves to the number of deliveries attempted (0: nothing was due). The transaction holds a
 * connection of `db`'s pool; the rare reads a channel needs besides the claimed rows (Bot
 * Framework's reply-to) go through `db` outside it.
 */
export async function processDueDeliveries(db: Db, batchSize: number): Promise<number> {
  const { count, gaveUp } = await pgTransaction(
    db,
    async (tx) => {
      const claimed = await claimDue(tx.client, batchSize);
      if (claimed.length === 0) return { count: 0, gaveUp: [] };
      const records = await Promise.all(claimed.map((delivery) => attempt(db, delivery)));
      await recordAttempts(tx, records, claimed);
      // Wakes workers waiting behind these deliveries (the next ones of the same conversations).
      tx.notifyAfterCommit(OUTBOX_CHANNEL);
      for (const record of records) log(record);
      const channels = new Map(claimed.map((delivery) => [delivery.id, delivery.channel]));
      const failed = records.filter((record) => record.action === 'give-up');
      return { count: claimed.length, gaveUp: failed.map((record) => ({ record, channel: channels.get(record.deliveryId)! })) };
    },
    { timeoutMs: TRANSACTION_TIMEOUT_MS },
  );
  // A conversation whose bot could not take a delivery goes to reps (a no-op for every other delivery).
  for (const { record, channel } of gaveUp) {
    const reason = record.lastError ?? 'The delivery failed';
    await botUnavailable({ conversationId: record.conversationId, botChannelId: channel.id, reason }, db).catch((error: unknown) =>
      logger.error({ err: error, deliveryId: record.deliveryId }, 'handing a conversation to reps after its bot failed did not work'),
    );
  }
  return count;
}

async function attempt(db: Db, delivery: ClaimedDelivery): Promise<AttemptRecord> {
  const startedAt = new Date();
  const elapsed = () => Date.now() - startedAt.getTime();
  try {
    const prepared = await prepareDelivery(db, delivery);
    if (!prepared.ok) {
      const step: NextStep = { action: 'give-up', reason: prepared.reason };
      return attemptRecord({ delivery, target: prepared.target, outcome: null, step, startedAt, durationMs: elapsed() });
    }
    const outcome: AttemptOutcome = await prepared.send();
    const durationMs = elapsed();
    const step = nextStep(prepared.policy, outcome, delivery.attempts + 1);
    const conversationChange = prepared.afterOutcome?.(outcome) ?? null;
    return attemptRecord({ delivery, target: prepared.target, outcome, step, startedAt, durationMs, conversationChange });
  } catch (error) {
    // Our fault, not the channel's: recorded, and tried again without holding up the rest of the batch.
    logger.error({ err: error, deliveryId: delivery.id }, 'delivery attempt failed inside the console');
    const outcome: AttemptOutcome = { kind: 'network', message: `Internal error: ${(error as Error).message}` };
    const step: NextStep = { action: 'retry', delayMs: INTERNAL_ERROR_RETRY_MS };
    return attemptRecord({ delivery, target: delivery.channel.kind, outcome, step, startedAt, durationMs: elapsed() });
  }
}

function log(record: AttemptRecord) {
  const fields = {
    deliveryId: record.deliveryId,
    activityId: record.activityId,
    attempt: record.attempt,
    target: record.target,
    action: record.action,
    durationMs: record.durationMs,
  };
  if (record.action === 'give-up') logger.warn(fields, `delivery failed: ${record.lastError}`);
  else logger.debug(fields, 'delivery attempt');
}

/** The earliest time a pending delivery becomes due, for an idle worker's timer. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const row = await db.delivery.findFirst({ where: { status: 'pending' }, orderBy: { runAt: 'asc' }, select: { runAt: true } });
  return row?.runAt ?? null;
}
