// The rate limits' counters shared by every instance (lib/http/rate-limit.ts): rate-limiter-flexible's
// PostgreSQL store on the app's pool, over the "RateLimit" table that prisma/migrations creates.
import { RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sqlPool, type Db } from '../client';

export interface SharedLimit {
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
  /** Counts alone in this process while PostgreSQL cannot be reached. */
  insurance: RateLimiterAbstract;
  /** Deletes, every five minutes, the rows whose window ended an hour ago (one limiter per table is enough). */
  prunes: boolean;
}

export type SharedCounters = (limit: SharedLimit) => RateLimiterAbstract;

export function postgresCounters(db: Db): SharedCounters {
  const pool = sqlPool(db);
  return ({ keyPrefix, points, duration, insurance, prunes }) =>
    new RateLimiterPostgres({
      keyPrefix,
      points,
      duration,
      storeClient: pool,
      storeType: 'pool',
      tableName: 'RateLimit',
      tableCreated: true, // by the migration, never at run time
      clearExpiredByTimeout: prunes,
      // A caller over its limit is refused from memory until its window ends (no round trip).
      inMemoryBlockOnConsumed: points + 1,
      insuranceLimiter: insurance,
    });
}
