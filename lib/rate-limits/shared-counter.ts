// A per-key request counter shared by every instance through a store (PostgreSQL's "RateLimit"
// table), with this process's memory in front. Far below the limit, requests are counted in memory
// and the increments go to the store in one statement per flush interval: no round trip on the
// request's path. From half the limit on (as this process last knew the total), each request waits
// for its own increment to reach the store and decides on the total it gets back, so N instances
// allow the limit once; a caller over it is refused from memory until its window ends. The most
// other instances can add unseen is what reaches them within one flush interval while this one
// believes the caller is below half its limit.
export interface Increment {
  key: string;
  points: number;
}

export interface CountedWindow {
  key: string;
  /** Everything counted in the key's current window, by every instance. */
  points: number;
  /** Epoch milliseconds when that window ends. */
  expiresAt: number;
}

export interface CounterStore {
  /** Adds the increments (a window of `windowMs` starts for a key whose window ended) and answers the totals. */
  add(increments: Increment[], windowMs: number, now: number): Promise<CountedWindow[]>;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Entry {
  /** The store's total when last heard, and the window it belongs to. */
  stored: number;
  expiresAt: number;
  /** Counted here and not yet sent; sent and not yet answered. */
  pending: number;
  sending: number;
}

interface Options {
  points: number;
  windowMs: number;
  flushMs: number;
  onStoreError: (error: unknown) => void;
  now?: () => number;
}

const SWEEP_EVERY_MS = 10_000;

export class SharedCounter {
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | null = null;
  private sweptAt = 0;
  private readonly now: () => number;

  constructor(
    private readonly store: CounterStore,
    private readonly options: Options,
  ) {
    this.now = options.now ?? Date.now;
  }

  async consume(key: string): Promise<Verdict> {
    const now = this.now();
    let entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now && entry.pending === 0 && entry.sending === 0) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (entry && this.known(entry) >= this.options.points) return this.refusal(entry, now);
    if (entry && this.known(entry) + 1 < this.options.points / 2 && entry.expiresAt > now) {
      entry.pending += 1;
      this.scheduleFlush();
      return { allowed: true };
    }
    // First sight of the key in its window, or near its limit: count it in the store now.
    entry ??= this.track(key, now);
    entry.pending += 1;
    await this.send([key]);
    return entry.stored > this.options.points ? this.refusal(entry, this.now()) : { allowed: true };
  }

  /** Sends what is still pending (at a clean stop). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.send([...this.entries].filter(([, entry]) => entry.pending > 0).map(([key]) => key));
  }

  private known(entry: Entry): number {
    return entry.stored + entry.sending + entry.pending;
  }

  private refusal(entry: Entry, now: number): Verdict {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.expiresAt - now) / 1000)) };
  }

  private track(key: string, now: number): Entry {
    const entry = { stored: 0, expiresAt: now + this.options.windowMs, pending: 0, sending: 0 };
    this.entries.set(key, entry);
    return entry;
  }

  private scheduleFlush() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.flushMs);
    this.timer.unref();
  }

  private async send(keys: string[]): Promise<void> {
    const batch: Array<[string, Entry, number]> = [];
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry || entry.pending === 0) continue;
      batch.push([key, entry, entry.pending]);
      entry.sending += entry.pending;
      entry.pending = 0;
    }
    if (batch.length === 0) return;
    try {
      const totals = new Map(
        (await this.store.add(batch.map(([key, , points]) => ({ key, points })), this.options.windowMs, this.now())).map((row) => [row.key, row]),
      );
      for (const [key, entry, points] of batch) {
        entry.sending -= points;
        const total = totals.get(key);
        if (total) Object.assign(entry, { stored: total.points, expiresAt: total.expiresAt });
      }
    } catch (error) {
      // The store cannot be reached: this process goes on counting alone.
      for (const [, entry, points] of batch) {
        entry.sending -= points;
        entry.stored += points;
      }
      this.options.onStoreError(error);
    }
    this.sweep();
  }

  /** Forgets keys whose window has ended (a flood of one-off callers must not grow memory). */
  private sweep() {
    const now = this.now();
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now && entry.pending === 0 && entry.sending === 0) this.entries.delete(key);
    }
  }
}
