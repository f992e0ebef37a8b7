// The rate limits' counters shared by every instance (lib/rate-limits/shared-counter.ts), in the
// "RateLimit" table (the layout of rate-limiter-flexible's PostgreSQL store: `expire` is epoch ms).
// One statement adds a whole flush's increments and answers each key's total in its window.
import { sql } from 'kysely';
import { sqlPool, type Db } from '../client';
import type { CounterStore, CountedWindow } from '../../rate-limits/shared-counter';
import { rows } from './query';

export function postgresCounterStore(db: Db): CounterStore {
  const pool = sqlPool(db);
  return {
    async add(increments, windowMs, now) {
      const result = await rows(
        pool,
        sql<{ key: string; points: number; expire: string }>`
          INSERT INTO "RateLimit" (key, points, expire)
          SELECT key, points, ${now + windowMs}::bigint
          FROM unnest(${increments.map((increment) => increment.key)}::text[], ${increments.map((increment) => increment.points)}::int[]) AS i(key, points)
          ORDER BY key
          ON CONFLICT (key) DO UPDATE SET
            points = CASE WHEN "RateLimit".expire <= ${now}::bigint THEN excluded.points ELSE "RateLimit".points + excluded.points END,
            expire = CASE WHEN "RateLimit".expire <= ${now}::bigint THEN excluded.expire ELSE "RateLimit".expire END
          RETURNING key, points, expire`,
        'rate-limit-add',
      );
      return result.map((row): CountedWindow => ({ key: row.key, points: row.points, expiresAt: Number(row.expire) }));
    },
  };
}
