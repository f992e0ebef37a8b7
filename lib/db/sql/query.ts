// The SQL the Prisma client cannot express, or too slowly for a hot path, is written here
// (lib/db/sql/<area>.ts, decision 012) with Kysely over the table types generated from
// prisma/schema.prisma (lib/db/generated/kysely): a renamed column fails to compile, and no row
// type is written by hand. Kysely only builds the statements; `rows`/`run` send each one where the
// caller's work is: the pool, a plain `pg` transaction's connection, or a Prisma transaction. No
// extra round trip, and a statement keeps its place in its transaction.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type CompiledQuery,
  type RawBuilder,
  type Selectable,
} from 'kysely';
import type pg from 'pg';
import type { DB } from '../generated/kysely/types';
import type { Db, Tx } from '../client';

/** Builds statements; never connects (they run through `rows`/`run`). */
export const build = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** A row of a table as the database returns it. */
export type Row<T extends keyof DB> = Selectable<DB[T]>;

/** Where a statement runs: the pool or a connection (a `pg` transaction's), or a Prisma client or transaction. */
export type SqlTarget = pg.Pool | pg.ClientBase | Db | Tx;

/** A query builder's statement, or an `sql` template for what the builder cannot say. */
type Statement<R> = Compilable<R> | RawBuilder<R>;

function compiled<R>(statement: Statement<R>): CompiledQuery<R> {
  return 'isRawBuilder' in statement ? statement.compile(build) : statement.compile();
}

function isPrisma(target: SqlTarget): target is Db | Tx {
  return '$queryRawUnsafe' in target;
}

/**
 * Runs a statement and answers its rows. `name` makes it a prepared statement on each pooled
 * connection (parsed and planned once), for statements run on every burst.
 */
export async function rows<R>(target: SqlTarget, statement: Statement<R>, name?: string): Promise<R[]> {
  const { sql, parameters } = compiled(statement);
  if (isPrisma(target)) return target.$queryRawUnsafe<R[]>(sql, ...parameters);
  const result = await target.query<R & pg.QueryResultRow>({ name, text: sql, values: parameters as unknown[] });
  return result.rows;
}

/** Runs a statement whose rows nobody reads (they may be of a type Prisma cannot read, such as `void`). */
export async function run(target: SqlTarget, statement: Statement<unknown>): Promise<void> {
  const { sql, parameters } = compiled(statement);
  if (isPrisma(target)) await target.$executeRawUnsafe(sql, ...parameters);
  else await target.query(sql, parameters as unknown[]);
}
