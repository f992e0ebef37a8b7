import { PrismaPg } from '@prisma/adapter-pg';
import { databaseUrl } from '../config/env';
import { PrismaClient, type Prisma } from './generated/client';

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { consoleDb?: PrismaClient };

/** The process-wide Prisma client (kept on globalThis so hot reload does not open new pools). */
export function db(): PrismaClient {
  globalForDb.consoleDb ??= createDb(databaseUrl());
  return globalForDb.consoleDb;
}

export function createDb(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}
