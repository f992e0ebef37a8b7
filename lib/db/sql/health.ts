// The health check's probe: the database answers and the migrations' bookkeeping is there.
import { sql } from 'kysely';
import type { Db } from '../client';
import { rows } from './query';

export async function databaseReady(db: Db): Promise<void> {
  await rows(db, sql`SELECT 1 FROM "_prisma_migrations" LIMIT 1`);
}
