import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations } from '@/lib/db/migrate';
import { scratchDatabase, withClient } from '../support/scratch-db';

const dropAfter: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(dropAfter.splice(0).map((drop) => drop()));
});

async function freshDatabase() {
  const database = await scratchDatabase();
  dropAfter.push(database.drop);
  return database.url;
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('the migration runner', () => {
  it('applies every migration once and keeps _prisma_migrations as Prisma does', async () => {
    const url = await freshDatabase();
    const first = await migrate(url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const again = await migrate(url);
    expect(again).toEqual({ applied: [], modified: [] });

    const rows = await withClient(url, (client) =>
      client.query('SELECT * FROM "_prisma_migrations" ORDER BY migration_name').then((r) => r.rows),
    );
    const files = readMigrations();
    expect(rows).toHaveLength(files.length);
    for (const [index, row] of rows.entries()) {
      const file = files[index]!;
      const bytes = readFileSync(path.join('prisma/migrations', file.name, 'migration.sql'));
      expect(row.migration_name).toBe(file.name);
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.started_at.getTime()).toBeLessThanOrEqual(row.finished_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }
  });

  it('runs once when two instances start together', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations().map((m) => m.name));
  });

  it('records a failed migration, rolls its changes back and refuses to go on until it is resolved', async () => {
    const url = await freshDatabase();
    const dir = migrationsDir({
      '20260101000000_ok': 'CREATE TABLE "One" (id int);',
      '20260102000000_broken': 'CREATE TABLE "Two" (id int); SELECT * FROM "Missing";',
    });
    await expect(migrate(url, dir)).rejects.toThrow(MigrationError);
    const state = await withClient(url, async (client) => ({
      rows: (await client.query('SELECT migration_name, finished_at, logs FROM "_prisma_migrations" ORDER BY migration_name')).rows,
      two: (await client.query(`SELECT to_regclass('"Two"') AS t`)).rows[0].t,
    }));
    expect(state.two).toBeNull();
    expect(state.rows[0]).toMatchObject({ migration_name: '20260101000000_ok' });
    expect(state.rows[0].finished_at).toBeInstanceOf(Date);
    expect(state.rows[1]).toMatchObject({ migration_name: '20260102000000_broken', finished_at: null });
    expect(state.rows[1].logs).toContain('Missing');
    await expect(migrate(url, dir)).rejects.toThrow(/failed earlier/);
  });

  it('reports an applied migration whose file changed', async () => {
    const url = await freshDatabase();
    const dir = migrationsDir({ '20260101000000_ok': 'CREATE TABLE "One" (id int);' });
    await migrate(url, dir);
    writeFileSync(path.join(dir, '20260101000000_ok', 'migration.sql'), 'CREATE TABLE "One" (id bigint);');
    expect(await migrate(url, dir)).toEqual({ applied: [], modified: ['20260101000000_ok'] });
  });
});
