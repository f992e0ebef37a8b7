// Delivery reports that overtook the send's answer (lib/activities/delivery-status.ts keeps them):
// applied in the transaction that records the channel's id for the message, under the same
// per-id advisory lock, so a report is either found here or finds the recorded id itself.
import { advances, statusLock } from '../activities/delivery-status';
import type { DeliveryState } from '../db/generated/client';
import type { PgTransaction } from '../db/pg-transaction';

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
  // In a fixed order (unnest keeps the array's): two transactions never wait on each other in a cycle.
  // The reports are read by the next statement, whose snapshot follows every lock taken here.
  const ids = [...new Set(sends.map((send) => send.externalId))].sort();
  await tx.client.query(`SELECT ${statusLock('id')} FROM unnest($1::text[]) AS id`, [ids]);
  const { rows } = await tx.client.query<{ externalId: string; state: DeliveryState; error: string | null }>(
    `WITH taken AS (DELETE FROM "PendingDeliveryStatus" WHERE "externalId" = ANY($1) RETURNING id, "externalId", state, error)
     SELECT "externalId", state, error FROM taken ORDER BY id`,
    [ids],
  );
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
  await tx.client.query(
    `UPDATE "Activity" a SET "deliveryState" = o.state, "deliveryError" = o.error, "updatedAt" = $2::timestamp(3)
     FROM jsonb_to_recordset($1::jsonb) AS o(id text, state "DeliveryState", error text) WHERE a.id = o.id`,
    [JSON.stringify([...changed].map(([id, shown]) => ({ id, ...shown }))), updatedAt.toISOString()],
  );
  return changed;
}
