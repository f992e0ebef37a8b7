import { describe, expect, it } from 'vitest';
import { SharedCounter, type CounterStore, type Increment } from '@/lib/rate-limits/shared-counter';

/** A store shared by "instances" (SharedCounter objects), keeping totals as PostgreSQL's table does. */
function sharedStore() {
  const totals = new Map<string, { points: number; expiresAt: number }>();
  const calls: Increment[][] = [];
  let failing = false;
  const store: CounterStore = {
    async add(increments, windowMs, now) {
      calls.push(increments);
      if (failing) throw new Error('connection refused');
      return increments.map(({ key, points }) => {
        const current = totals.get(key);
        const next = !current || current.expiresAt <= now ? { points, expiresAt: now + windowMs } : { points: current.points + points, expiresAt: current.expiresAt };
        totals.set(key, next);
        return { key, ...next };
      });
    },
  };
  return { store, calls, totals, fail: (value: boolean) => (failing = value) };
}

const options = (now: () => number) => ({ points: 10, windowMs: 60_000, flushMs: 1_000_000, onStoreError: () => {}, now });

describe('a shared rate counter', () => {
  it('counts far below the limit in memory and sends the increments in one batch', async () => {
    const { store, calls, totals } = sharedStore();
    const counter = new SharedCounter(store, options(() => 1000));
    for (let n = 0; n < 4; n++) expect(await counter.consume('a')).toEqual({ allowed: true });
    expect(calls).toHaveLength(1); // the first sight of the key only
    await counter.flush();
    expect(calls[1]).toEqual([{ key: 'a', points: 3 }]);
    expect(totals.get('a')?.points).toBe(4);
  });

  it('near the limit, two instances together allow it once and refuse with the window left', async () => {
    const { store } = sharedStore();
    let now = 1000;
    const a = new SharedCounter(store, options(() => now));
    const b = new SharedCounter(store, options(() => now));
    const verdicts = [];
    for (let n = 0; n < 14; n++) verdicts.push(await (n % 2 ? b : a).consume('k'));
    await Promise.all([a.flush(), b.flush()]);
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(10);
    now += 15_000;
    expect(await a.consume('k')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    now += 46_000; // a new window
    expect(await b.consume('k')).toEqual({ allowed: true });
  });

  it('counts alone when the store cannot be reached', async () => {
    const { store, fail } = sharedStore();
    fail(true);
    const counter = new SharedCounter(store, options(() => 1000));
    const verdicts = [];
    for (let n = 0; n < 12; n++) verdicts.push(await counter.consume('x'));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(10);
  });
});
