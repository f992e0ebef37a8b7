// Bounded tables (lib/retention): each statement deletes one batch of rows older than a cutoff,
// oldest first, skipping rows another statement holds (so two instances pruning at once, or a
// worker sending a delivery, never wait on each other). Old rows are not what ingest touches, and
// a DELETE takes no lock an INSERT waits for.
import { sql, type RawBuilder } from 'kysely';
import { sqlPool, type Db } from '../client';
import { rows } from './query';

type Pruned = { pruned: number };

async function pruned(db: Db, statement: ReturnType<typeof sql<Pruned>>): Promise<number> {
  const [row] = await rows(sqlPool(db), statement);
  return row?.pruned ?? 0;
}

/**
 * Events created before `cutoff`, by primary key (ids grow with time); the newest id pruned is
 * recorded in the same statement, so a stream resuming from before it knows it missed some.
 */
export function pruneEvents(db: Db, cutoff: Date, limit: number): Promise<number> {
  return pruned(
    db,
    sql<Pruned>`WITH gone AS (
       DELETE FROM "Event" WHERE id IN (
         SELECT id FROM "Event" WHERE "createdAt" < ${cutoff.toISOString()}::timestamp(3)
         ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
       RETURNING id
     ), horizon AS (
       INSERT INTO "EventLogHorizon" (id, "prunedThroughId", "prunedAt")
       SELECT 1, max(id), now() AT TIME ZONE 'UTC' FROM gone HAVING count(*) > 0
       ON CONFLICT (id) DO UPDATE SET
         "prunedThroughId" = GREATEST("EventLogHorizon"."prunedThroughId", excluded."prunedThroughId"),
         "prunedAt" = excluded."prunedAt"
     )
     SELECT count(*)::int AS pruned FROM gone`,
  );
}

/**
 * Deliveries sent before `cutoff`, with their attempt log (ON DELETE CASCADE). Failed ones stay: a
 * rep can retry them from the failed list. A sent delivery's `runAt` is never after its
 * `finishedAt`, so the (status, runAt) index finds them.
 */
export function pruneSentDeliveries(db: Db, cutoff: Date, limit: number): Promise<number> {
  const before = cutoff.toISOString();
  return pruned(
    db,
    sql<Pruned>`WITH gone AS (
       DELETE FROM "Delivery" WHERE id IN (
         SELECT id FROM "Delivery"
         WHERE status = 'succeeded' AND "runAt" < ${before}::timestamp(3) AND "finishedAt" < ${before}::timestamp(3)
         ORDER BY "runAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
       RETURNING id
     )
     SELECT count(*)::int AS pruned FROM gone`,
  );
}

/** Each table pruned by age: its key column and the indexed column that says how old a row is. */
const AGED = {
  ProcessedEvent: { key: 'key', column: 'createdAt' },
  RateLimit: { key: 'key', column: 'expire' },
  RejectedEvent: { key: 'key', column: 'createdAt' },
  PendingDeliveryStatus: { key: 'id', column: 'receivedAt' },
  SignInFailure: { key: 'id', column: 'createdAt' },
} as const;

/** One batch of a table's rows older than `before`, oldest first (the age column's index finds them). */
function pruneOldest(db: Db, table: keyof typeof AGED, before: RawBuilder<unknown>, limit: number): Promise<number> {
  const { key, column } = AGED[table];
  return pruned(
    db,
    sql<Pruned>`WITH gone AS (
       DELETE FROM ${sql.table(table)} WHERE ${sql.ref(key)} IN (
         SELECT ${sql.ref(key)} FROM ${sql.table(table)} WHERE ${sql.ref(column)} < ${before}
         ORDER BY ${sql.ref(column)} LIMIT ${limit} FOR UPDATE SKIP LOCKED)
       RETURNING 1
     )
     SELECT count(*)::int AS pruned FROM gone`,
  );
}

const timestamp = (cutoff: Date) => sql`${cutoff.toISOString()}::timestamp(3)`;

/** Applied Event Grid event ids recorded before `cutoff`. */
export function pruneProcessedEvents(db: Db, cutoff: Date, limit: number): Promise<number> {
  return pruneOldest(db, 'ProcessedEvent', timestamp(cutoff), limit);
}

/** Rate-limit counters whose window ended before `cutoff` (`expire` is epoch ms). */
export function pruneRateLimits(db: Db, cutoff: Date, limit: number): Promise<number> {
  return pruneOldest(db, 'RateLimit', sql`${cutoff.getTime()}::bigint`, limit);
}

/** Channel events the console could not use, kept for operators, recorded before `cutoff`. */
export function pruneRejectedEvents(db: Db, cutoff: Date, limit: number): Promise<number> {
  return pruneOldest(db, 'RejectedEvent', timestamp(cutoff), limit);
}

/** Delivery reports that overtook a send's answer and were never claimed, received before `cutoff`. */
export function pruneEarlyStatuses(db: Db, cutoff: Date, limit: number): Promise<number> {
  return pruneOldest(db, 'PendingDeliveryStatus', timestamp(cutoff), limit);
}

/** Failed sign-ins recorded before `cutoff`. */
export function pruneSignInFailures(db: Db, cutoff: Date, limit: number): Promise<number> {
  return pruneOldest(db, 'SignInFailure', timestamp(cutoff), limit);
}
