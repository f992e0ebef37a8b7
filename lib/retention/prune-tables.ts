// One pruning pass over the tables that would otherwise grow forever (issue 20, docs/operations.md
// "Retention"): each table in batches of `batchRows`, pausing between batches, until a batch comes
// back short or the pass is stopped.
import type { Env } from '../config/env';
import type { Db } from '../db/client';
import {
  pruneEarlyStatuses,
  pruneEvents,
  pruneProcessedEvents,
  pruneRateLimits,
  pruneRejectedEvents,
  pruneSentDeliveries,
  pruneSignInFailures,
} from '../db/sql/retention';
import { eraseExpiredConversations } from './erase-expired';

const DAY_MS = 86_400_000;

export type PruneOptions = Pick<
  Env,
  | 'PRUNE_BATCH_ROWS'
  | 'PRUNE_PAUSE_MS'
  | 'EVENT_RETENTION_DAYS'
  | 'DELIVERY_RETENTION_DAYS'
  | 'PROCESSED_EVENT_RETENTION_DAYS'
  | 'REJECTED_EVENT_RETENTION_DAYS'
  | 'EARLY_STATUS_RETENTION_DAYS'
  | 'CONVERSATION_RETENTION_DAYS'
  | 'RETENTION_ERASE_BATCH'
>;

export type PrunedCounts = {
  conversations: number;
  events: number;
  deliveries: number;
  processedEvents: number;
  rateLimits: number;
  rejectedEvents: number;
  earlyStatuses: number;
  signInFailures: number;
};

/** Rate-limit windows are a minute; an hour later nobody reads them. */
const RATE_LIMIT_KEEP_MS = 3_600_000;
/**
 * Sign-in limiting reads only the last 15 minutes of failures (lib/auth/sessions.ts); a day leaves
 * room for clocks that disagree between instances and shows an operator the last day's guessing.
 */
const SIGN_IN_FAILURE_KEEP_MS = DAY_MS;

type PruneBatch = (db: Db, cutoff: Date, limit: number) => Promise<number>;

export async function pruneTables(db: Db, options: PruneOptions, stopped: () => boolean, now = new Date()): Promise<PrunedCounts> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const table = async (batch: PruneBatch, cutoff: Date) => {
    let total = 0;
    while (!stopped()) {
      const count = await batch(db, cutoff, options.PRUNE_BATCH_ROWS);
      total += count;
      if (count < options.PRUNE_BATCH_ROWS) break;
      await new Promise((resolve) => setTimeout(resolve, options.PRUNE_PAUSE_MS));
    }
    return total;
  };
  return {
    // First: erasing conversations deletes their events and deliveries too.
    conversations: await eraseExpiredConversations(db, options, stopped, now),
    events: await table(pruneEvents, before(options.EVENT_RETENTION_DAYS)),
    deliveries: await table(pruneSentDeliveries, before(options.DELIVERY_RETENTION_DAYS)),
    processedEvents: await table(pruneProcessedEvents, before(options.PROCESSED_EVENT_RETENTION_DAYS)),
    rateLimits: await table(pruneRateLimits, new Date(now.getTime() - RATE_LIMIT_KEEP_MS)),
    rejectedEvents: await table(pruneRejectedEvents, before(options.REJECTED_EVENT_RETENTION_DAYS)),
    earlyStatuses: await table(pruneEarlyStatuses, before(options.EARLY_STATUS_RETENTION_DAYS)),
    signInFailures: await table(pruneSignInFailures, new Date(now.getTime() - SIGN_IN_FAILURE_KEEP_MS)),
  };
}
