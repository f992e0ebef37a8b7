import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { databaseUrl } from '../config/env';
import { logger } from '../log/logger';
import { isStopping } from '../boot/stopping';
import { connectionErrorFields } from './connection-error';
import { PrismaClient, type Prisma } from './generated/client';

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { consoleDb?: PrismaClient };

/** The process-wide Prisma client (kept on globalThis so hot reload does not open new pools). */
export function db(): PrismaClient {
  globalForDb.consoleDb ??= createDb(databaseUrl());
  return globalForDb.consoleDb;
}

/** Closes the process-wide client's pool, when one was opened (stopping must not open one). */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.consoleDb;
  globalForDb.consoleDb = undefined;
  await client?.$disconnect();
}

// On the client itself, not in a module-level map: the custom server and the Next.js bundle load
// this module separately but share the process-wide client.
const POOL = Symbol.for('agent-console.sql-pool');
type WithPool = PrismaClient & { [POOL]?: pg.Pool };

/** Prisma's columns are `timestamp(3)` holding UTC; pg would read them in the process's time zone. */
const TIMESTAMP_OID = 1114;
const sqlTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function createDb(connectionString: string, max = 10): PrismaClient {
  // Connections stay open once made (never more than `max`). With pg's default, every connection idle
  // for 10 s closed at once after a burst, and PostgreSQL held every commit meanwhile: a 50-70 ms
  // stall ten seconds after each burst (docs/performance.md, "The tail at a fixed 500 activities/s").
  // TCP keepalive after a minute idle keeps a NAT or load balancer from dropping them silently.
  const pool = new pg.Pool({ connectionString, max, types: sqlTypes, idleTimeoutMillis: 0, keepAlive: true, keepAliveInitialDelayMillis: 60_000 });
  // An idle connection the server ends (a restart) is dropped from the pool and the next query
  // opens another; unheard, the pool's error event would end the process.
  pool.on('error', (error) => isStopping() || logger.warn(connectionErrorFields(error), 'an idle database connection was closed by the server'));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  (client as WithPool)[POOL] = pool;
  return client;
}

/**
 * The connection pool under a Prisma client, for the few hot paths written in SQL (each round trip
 * through Prisma costs far more CPU than the query itself: docs/benchmarks.md).
 */
export function sqlPool(client: PrismaClient): pg.Pool {
  const pool = (client as WithPool)[POOL];
  if (!pool) throw new Error('This Prisma client was not made by createDb().');
  return pool;
}
