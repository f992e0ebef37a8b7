// What arrives while the batcher's statements run goes together in the next one; a conversation's
// activities keep their order; what a batch cannot store waits for its lock, or is stored alone
// after a failure. The store here records what each statement carried and which transaction ran
// it, on a real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { ActivityBatches, type BatchStore } from '@/lib/activities/activity-batches';
import { db, sqlPool } from '@/lib/db/client';

interface Item {
  name: string;
  /** Seconds the statement storing it sleeps. */
  sleep?: number;
  /** Seconds a waiting statement storing it sleeps (the lock it waits for, say). */
  sleepWaiting?: number;
  /** Left out by a batch (its conversation locked elsewhere). */
  skip?: boolean;
  /** Fails every statement it is in (divides by zero). */
  fail?: boolean;
  /** Fails every waiting statement it is in. */
  failWaiting?: boolean;
}

type Stored = { name: string; tx: string; waited: boolean };

function recordingStore(slots = 1) {
  const calls: { wait: boolean; names: string[] }[] = [];
  const store: BatchStore<Item, Stored> = async (pool, items, { wait }) => {
    calls.push({ wait, names: items.map((item) => item.name) });
    const fails = items.some((item) => item.fail || (wait && item.failWaiting));
    const sleep = Math.max(0, ...items.map((item) => (wait ? (item.sleepWaiting ?? 0) : (item.sleep ?? 0))));
    const { rows } = await pool.query<{ tx: string }>(`SELECT txid_current()::text AS tx, 1 / $1::int, pg_sleep($2)`, [fails ? 0 : 1, sleep]);
    return items.map((item) => (!wait && item.skip ? null : { name: item.name, tx: rows[0]!.tx, waited: wait }));
  };
  return { calls, batches: new ActivityBatches(sqlPool(db()), store, { slots, limit: 64 }) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Starts a slow statement for `key` and lets it get going, so what comes next has to wait. */
async function occupy(batches: ActivityBatches<Item, Stored>, key: string, name = 'first') {
  const running = batches.run(key, { name, sleep: 0.3 });
  await tick();
  return { running };
}

describe('activity batches', () => {
  it('stores at once when idle, and everything that arrived meanwhile in one statement, in arrival order', async () => {
    const { calls, batches } = recordingStore();
    const { running: first } = await occupy(batches, 'c0');
    const rest = [batches.run('x', { name: 'x1' }), batches.run('y', { name: 'y1' }), batches.run('x', { name: 'x2' }), batches.run('z', { name: 'z1' })];
    const stored = await Promise.all([first, ...rest]);
    expect(calls).toEqual([
      { wait: false, names: ['first'] },
      { wait: false, names: ['x1', 'y1', 'x2', 'z1'] },
    ]);
    expect(new Set(stored.slice(1).map((row) => row!.tx)).size).toBe(1);
  });

  it("keeps a conversation's next activities behind its running statement, and nobody else's", async () => {
    const { calls, batches } = recordingStore(2);
    const { running: first } = await occupy(batches, 'x', 'x1');
    const order: string[] = [];
    const later = batches.run('x', { name: 'x2' }).then(() => order.push('x2'));
    const other = batches.run('y', { name: 'y1' }).then(() => order.push('y1'));
    await Promise.all([first, later, other]);
    expect(order).toEqual(['y1', 'x2']);
    expect(calls.map((call) => call.names)).toEqual([['x1'], ['y1'], ['x2']]);
  });

  it("lets a left-out conversation's activities wait for the lock together, in order", async () => {
    const { calls, batches } = recordingStore();
    const { running: first } = await occupy(batches, 'busy');
    const rest = [
      batches.run('p', { name: 'p1', skip: true }),
      batches.run('q', { name: 'q1' }),
      batches.run('p', { name: 'p2', skip: true }),
      batches.run('q', { name: 'q2' }),
    ];
    const stored = await Promise.all([first, ...rest]);
    expect(calls).toEqual([
      { wait: false, names: ['first'] },
      { wait: false, names: ['p1', 'q1', 'p2', 'q2'] },
      { wait: true, names: ['p1', 'p2'] },
    ]);
    expect(stored.map((row) => [row!.name, row!.waited])).toEqual([
      ['first', false],
      ['p1', true],
      ['q1', false],
      ['p2', true],
      ['q2', false],
    ]);
  });

  it('stores each alone when a batch fails, and only the failing one fails', async () => {
    const { calls, batches } = recordingStore();
    const { running: first } = await occupy(batches, 'f0');
    const rest = [
      batches.run('f1', { name: 'one' }),
      batches.run('f2', { name: 'two', fail: true }),
      batches.run('f3', { name: 'three' }),
    ].map((promise) => promise.then((row) => row!.name, (error: Error) => error));
    await first;
    const [one, two, three] = await Promise.all(rest);
    expect(one).toBe('one');
    expect(two).toBeInstanceOf(Error);
    expect(three).toBe('three');
    expect(calls.slice(1)).toEqual([
      { wait: false, names: ['one', 'two', 'three'] },
      { wait: true, names: ['one'] },
      { wait: true, names: ['two'] },
      { wait: true, names: ['three'] },
    ]);
  });

  it("stores a left-out conversation's activities one by one when they fail together", async () => {
    const { batches } = recordingStore();
    const { running: first } = await occupy(batches, 'busy');
    const rest = [
      batches.run('r', { name: 'r1', skip: true, failWaiting: true }),
      batches.run('r', { name: 'r2', skip: true }),
      batches.run('r', { name: 'r3', skip: true }),
    ].map((promise) => promise.then((row) => row!, (error: Error) => error));
    await first;
    const [one, two, three] = await Promise.all(rest);
    expect(one).toBeInstanceOf(Error);
    expect([(two as Stored).name, (three as Stored).name]).toEqual(['r2', 'r3']);
    expect((two as Stored).tx).not.toBe((three as Stored).tx);
  });

  it('frees its slot for other conversations while what it left out waits', async () => {
    const { batches } = recordingStore();
    const order: string[] = [];
    const slowWaiting = batches.run('slow', { name: 'slow', skip: true, sleepWaiting: 0.3 }).then(() => order.push('slow'));
    await tick();
    await batches.run('fast', { name: 'fast' }).then(() => order.push('fast'));
    await slowWaiting;
    expect(order).toEqual(['fast', 'slow']);
  });
});
