// Writes the outcome of a worker transaction's attempts in two statements however many deliveries:
// attempt rows, the deliveries' next states, what the messages show and what the answers changed on
// the conversations; then the delivery reports that overtook the answers, and the messages' realtime
// events.
import type { PgTransaction } from '../db/pg-transaction';
import { recordAttemptRows } from '../db/sql/outbox';
import { appendEventsPg, appendSummaryEventsPg } from '../realtime/event-log';
import { toActivityView } from '../views/map';
import type { AttemptRecord } from './attempt-record';
import type { ClaimedDelivery } from './claim';
import { applyEarlyStatuses, type RecordedSend } from './early-statuses';

export async function recordAttempts(tx: PgTransaction, records: AttemptRecord[], claimed: ClaimedDelivery[]): Promise<void> {
  const updatedAt = new Date();
  await recordAttemptRows(tx.client, records, updatedAt);

  // A pause shows at once beside the conversation (its summary), not only on the failed message.
  const paused = records.filter((record) => record.conversationChange?.blockedAt).map((record) => record.conversationId);
  if (paused.length > 0) await appendSummaryEventsPg(tx, paused);

  const byActivity = new Map(claimed.map((delivery) => [delivery.activity.id, delivery.activity]));
  const shownAfterAttempt = (record: AttemptRecord) => ({
    state: record.shown?.state ?? byActivity.get(record.activityId)!.deliveryState,
    error: record.shown ? record.shown.error : byActivity.get(record.activityId)!.deliveryError,
  });
  const sends: RecordedSend[] = records.flatMap((record) =>
    record.externalId ? [{ activityId: record.activityId, externalId: record.externalId, ...shownAfterAttempt(record) }] : [],
  );
  const early = await applyEarlyStatuses(tx, sends, updatedAt);
  await appendEventsPg(
    tx,
    records.flatMap((record) => {
      if (!record.shown && !early.has(record.activityId)) return [];
      const activity = byActivity.get(record.activityId)!;
      const { state: deliveryState, error: deliveryError } = early.get(record.activityId) ?? shownAfterAttempt(record);
      const view = toActivityView({ ...activity, deliveryState, deliveryError, updatedAt });
      return [{ type: 'activity.updated' as const, conversationId: record.conversationId, activity: view }];
    }),
  );
}
