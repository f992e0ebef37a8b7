// NOTIFY after commit (lib/db/notify.ts): one round trip wakes the listeners of every channel.
import { sql } from 'kysely';
import type pg from 'pg';
import { run } from './query';

export async function notifyChannels(pool: pg.Pool, channels: string[]): Promise<void> {
  await run(pool, sql`SELECT pg_notify(channel, '') FROM unnest(${channels}::text[]) AS channel`);
}
