// Delivery reports (lib/activities/delivery-status.ts) and the ones that overtook the send's answer
// (PendingDeliveryStatus, applied by lib/outbound/early-statuses.ts). Both sides take the external
// id's advisory lock first, so whichever commits second sees the other's row.
import { sql, type RawBuilder } from 'kysely';
import type pg from 'pg';
import type { DeliveryState } from '../generated/kysely/types';
import type { Tx } from '../client';
import { build, rows, run, type Row } from './query';

/** The advisory lock of an external id (a 64-bit hash: a collision only costs a wait). */
const statusLock = (externalId: RawBuilder<unknown>) => sql`pg_advisory_xact_lock(hashtextextended('delivery-status:' || ${externalId}, 0))`;

export async function lockStatus(tx: Tx, externalId: string): Promise<void> {
  await run(tx, sql`SELECT ${statusLock(sql`${externalId}`)}`);
}

/**
 * Takes (deletes and answers) the kept reports for these ids, oldest first, under their locks.
 * The locks are taken in a fixed order (unnest keeps the array's): two transactions never wait on
 * each other in a cycle. The reports are read by the next statement, whose snapshot follows every
 * lock taken here.
 */
export async function takeKeptStatuses(client: pg.ClientBase, externalIds: string[]): Promise<Pick<Row<'PendingDeliveryStatus'>, 'externalId' | 'state' | 'error'>[]> {
  const sorted = [...externalIds].sort();
  await run(client, sql`SELECT ${statusLock(sql.ref('id'))} FROM unnest(${sorted}::text[]) AS id`);
  return rows(
    client,
    build
      .with('taken', (db) =>
        db
          .deleteFrom('PendingDeliveryStatus')
          .where('externalId', '=', (eb) => eb.fn.any(eb.val(sorted)))
          .returning(['id', 'externalId', 'state', 'error']),
      )
      .selectFrom('taken')
      .select(['externalId', 'state', 'error'])
      .orderBy('id'),
  );
}

/** What these messages show now, in one statement. */
export async function showStatuses(
  client: pg.ClientBase,
  shown: { id: string; state: DeliveryState; error: string | null }[],
  updatedAt: Date,
): Promise<void> {
  await run(
    client,
    sql`UPDATE "Activity" a SET "deliveryState" = o.state, "deliveryError" = o.error, "updatedAt" = ${updatedAt.toISOString()}::timestamp(3)
     FROM jsonb_to_recordset(${JSON.stringify(shown)}::jsonb) AS o(id text, state "DeliveryState", error text) WHERE a.id = o.id`,
  );
}
