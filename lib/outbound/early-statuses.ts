// Delivery reports that overtook the send's answer (lib/activities/delivery-status.ts keeps them):
// applied in the transaction that records the channel's id for the message, under the same
// per-id advisory lock, so a report is either found here or finds the recorded id itself.
import { advances } from '../activities/delivery-status';
import type { DeliveryState } from '../db/generated/client';
import type { PgTransaction } from '../db/pg-transaction';
import { showStatuses, takeKeptStatuses } from '../db/sql/delivery-status';

export interface RecordedSend {
  activityId: string;
  externalId: string;
  /** What the message shows after this attempt. */
  state: DeliveryState;
  error: string | null;
}

export interface Shown {
  state: DeliveryState;
  error: string | null;
}

/** Applies the kept reports for these newly recorded ids; answers what changed, by activity id. */
export async function applyEarlyStatuses(tx: PgTransaction, sends: RecordedSend[], updatedAt: Date): Promise<Map<string, Shown>> {
  const changed = new Map<string, Shown>();
  if (sends.length === 0) return changed;
  const rows = await takeKeptStatuses(tx.client, [...new Set(sends.map((send) => send.externalId))]);
  if (rows.length === 0) return changed;
  for (const send of sends) {
    let shown: Shown = { state: send.state, error: send.error };
    for (const report of rows) {
      if (report.externalId !== send.externalId || !advances(shown.state, report.state)) continue;
      shown = { state: report.state, error: report.state === 'failed' ? report.error : null };
    }
    if (shown.state !== send.state) changed.set(send.activityId, shown);
  }
  if (changed.size === 0) return changed;
  await showStatuses(
    tx.client,
    [...changed].map(([id, shown]) => ({ id, ...shown })),
    updatedAt,
  );
  return changed;
}
