// What arrives while the batcher's statements run goes together in the next one; a conversation's
// activities keep their order; what a batch cannot store is stored alone. The store here records
// which transaction stored what, on a real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { ActivityBatches, type BatchStore } from '@/lib/activities/activity-batches';
import { db, sqlPool } from '@/lib/db/client';

interface Item {
  name: string;
  /** Seconds the statement storing it sleeps. */
  sleep?: number;
  /** Divides by zero in a batch (a failing statement). */
  failTogether?: boolean;
  failAlone?: boolean;
  /** Seconds storing it alone sleeps (waiting for a row lock, say). */
  sleepAlone?: number;
  /** Left out by a batch (its conversation locked elsewhere, say). */
  skip?: boolean;
}

type Stored = { name: string; tx: string; alone: boolean };

function recordingStore() {
  const calls: { alone: boolean; names: string[] }[] = [];
  const store: BatchStore<Item, Stored> = {
    async many(client, items) {
      calls.push({ alone: false, names: items.map((item) => item.name) });
      const { rows } = await client.query<{ tx: string }>(`SELECT txid_current()::text AS tx, 1 / $1::int, pg_sleep($2)`, [
        items.some((item) => item.failTogether) ? 0 : 1,
        Math.max(0, ...items.map((item) => item.sleep ?? 0)),
      ]);
      return items.map((item) => (item.skip ? null : { name: item.name, tx: rows[0]!.tx, alone: false }));
    },
    async one(client, item) {
      calls.push({ alone: true, names: [item.name] });
      const { rows } = await client.query<{ tx: string }>(`SELECT txid_current()::text AS tx, 1 / $1::int, pg_sleep($2)`, [item.failAlone ? 0 : 1, item.sleepAlone ?? 0]);
      return { name: item.name, tx: rows[0]!.tx, alone: true };
    },
  };
  return { calls, batches: new ActivityBatches(sqlPool(db()), store, { slots: 1, limit: 64 }) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Starts a slow statement for `key` and lets it get going, so what comes next has to wait. */
async function occupy(batches: ActivityBatches<Item, Stored>, key: string, name = 'first') {
  const running = batches.run(key, { name, sleep: 0.3 });
  await tick();
  return { running };
}

describe('activity batches', () => {
  it('stores at once when idle, and everything that arrived meanwhile in one statement', async () => {
    const { calls, batches } = recordingStore();
    const { running: first } = await occupy(batches, 'c0');
    const rest = ['a', 'b', 'c', 'd'].map((name) => batches.run(`c-${name}`, { name }));
    const stored = await Promise.all([first, ...rest]);
    expect(calls).toEqual([
      { alone: false, names: ['first'] },
      { alone: false, names: ['a', 'b', 'c', 'd'] },
    ]);
    expect(new Set(stored.slice(1).map((row) => row!.tx)).size).toBe(1);
  });

  it("stores one conversation's activities in arrival order: in rounds of one transaction, after its running one", async () => {
    const { calls, batches } = recordingStore();
    const { running: first } = await occupy(batches, 'x', 'x1');
    const rest = [
      batches.run('x', { name: 'x2' }),
      batches.run('y', { name: 'y1' }),
      batches.run('x', { name: 'x3' }),
      batches.run('y', { name: 'y2' }),
      batches.run('z', { name: 'z1' }),
    ];
    const stored = await Promise.all([first, ...rest]);
    expect(calls).toEqual([
      { alone: false, names: ['x1'] },
      { alone: false, names: ['x2', 'y1', 'z1'] },
      { alone: false, names: ['x3', 'y2'] },
    ]);
    // The two rounds share a transaction: nothing of them is answered before both committed.
    expect(new Set(stored.slice(1).map((row) => row!.tx)).size).toBe(1);
    expect(stored[1]!.tx).not.toBe(stored[0]!.tx);
  });

  it("waits for the lock on what a batch left out, that conversation's activities together and in order", async () => {
    const { calls, batches } = recordingStore();
    const { running: first } = await occupy(batches, 'busy');
    const rest = [
      batches.run('p', { name: 'p1', skip: true }),
      batches.run('q', { name: 'q1' }),
      batches.run('p', { name: 'p2' }),
      batches.run('q', { name: 'q2' }),
    ];
    const stored = await Promise.all([first, ...rest]);
    expect(calls).toEqual([
      { alone: false, names: ['first'] },
      { alone: false, names: ['p1', 'q1'] },
      { alone: false, names: ['q2'] },
      { alone: true, names: ['p1'] },
      { alone: true, names: ['p2'] },
    ]);
    expect(stored.map((row) => [row!.name, row!.alone])).toEqual([
      ['first', false],
      ['p1', true],
      ['q1', false],
      ['p2', true],
      ['q2', false],
    ]);
    // A burst into a conversation someone holds pays one commit, not one each.
    expect(stored[3]!.tx).toBe(stored[1]!.tx);
  });

  it("stores a left-out conversation's activities one by one when they fail together", async () => {
    const { batches } = recordingStore();
    const { running: first } = await occupy(batches, 'busy');
    const rest = [
      batches.run('r', { name: 'r1', skip: true, failAlone: true }),
      batches.run('r', { name: 'r2' }),
      batches.run('r', { name: 'r3' }),
    ].map((promise) => promise.then((row) => row!, (error: Error) => error));
    await first;
    const [one, two, three] = await Promise.all(rest);
    expect(one).toBeInstanceOf(Error);
    expect([(two as Stored).name, (three as Stored).name]).toEqual(['r2', 'r3']);
    expect((two as Stored).tx).not.toBe((three as Stored).tx);
  });

  it('stores each alone when a batch fails, and only the failing one fails', async () => {
    const { calls, batches } = recordingStore();
    const { running: first } = await occupy(batches, 'f0');
    const rest = [
      batches.run('f1', { name: 'one' }),
      batches.run('f2', { name: 'two', failTogether: true, failAlone: true }),
      batches.run('f3', { name: 'three' }),
    ].map((promise) => promise.then((row) => row!.name, (error: Error) => error));
    await first;
    const [one, two, three] = await Promise.all(rest);
    expect(one).toBe('one');
    expect(two).toBeInstanceOf(Error);
    expect(three).toBe('three');
    expect(calls.slice(1)).toEqual([
      { alone: false, names: ['one', 'two', 'three'] },
      { alone: true, names: ['one'] },
      { alone: true, names: ['two'] },
      { alone: true, names: ['three'] },
    ]);
  });

  it('frees its slot for other conversations while what it left out waits alone', async () => {
    const { batches } = recordingStore();
    const order: string[] = [];
    // Left out of its batch and stored alone, it waits 0.3 s; the other conversation must not wait for it.
    const slowAlone = batches.run('slow', { name: 'slow', skip: true, sleepAlone: 0.3 }).then(() => order.push('slow'));
    await tick();
    await batches.run('fast', { name: 'fast' }).then(() => order.push('fast'));
    await slowAlone;
    expect(order).toEqual(['fast', 'slow']);
  });
});
