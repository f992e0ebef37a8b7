import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';
import { shapeFromDatabase, shapeFromPrismaSchema } from '../support/schema-shape';
import { scratchDatabase, withClient } from '../support/scratch-db';

const SCHEMA = path.resolve('prisma/schema.prisma');

describe('schema.prisma and the migrations', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => {
    database = await scratchDatabase();
    await migrate(database.url);
  });
  afterAll(() => database.drop());

  it('describe the same database: tables, columns, types, nullability, defaults, keys, indexes, foreign keys', async () => {
    const expected = await shapeFromPrismaSchema(SCHEMA);
    const actual = await withClient(database.url, shapeFromDatabase);
    expect(actual).toEqual(expected);
  });

  it('the comparison notices a difference (a column the schema does not know)', async () => {
    const other = await scratchDatabase();
    try {
      await migrate(other.url);
      await withClient(other.url, (client) => client.query('ALTER TABLE "Agent" ADD COLUMN "nickname" TEXT'));
      const actual = await withClient(other.url, shapeFromDatabase);
      expect(actual).not.toEqual(await shapeFromPrismaSchema(SCHEMA));
      expect(actual.tables.Agent?.nickname).toEqual({ type: 'text', nullable: true, hasDefault: false });
    } finally {
      await other.drop();
    }
  });
});
