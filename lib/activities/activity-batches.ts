// Customers' activities that arrive while the database is busy go together: one statement (one
// round trip, one commit) stores them, whatever their conversations. A quiet system stores each at
// once; under load at most `slots` statements run, and everything that arrived meanwhile is the next
// statement. This is what lets ingest keep up with a bare insert server (docs/performance.md): per
// activity, the statement's start-up and the commit were most of PostgreSQL's work.
//
// Order within a conversation is arrival order: a conversation being stored is "busy", and its next
// activities wait for it; several of one conversation in a batch get consecutive seqs in order. A
// batch never waits for a row lock: the activities of a conversation someone else holds (a rep's
// Accept or mark-read, say) are left out, and then wait for the lock, together, in one statement.
// Every activity of a batch that failed (a replayed dedupe key, say) is stored alone, in order, and
// answers for itself.
import type pg from 'pg';
import { logger } from '../log/logger';

/**
 * Stores values in one statement, in order, answering null where one was not stored: its
 * conversation does not exist or, unless `wait`, another transaction holds it.
 */
export type BatchStore<Value, Row> = (pool: pg.Pool, values: Value[], options: { wait: boolean }) => Promise<(Row | null)[]>;

interface Waiting<Value, Row> {
  key: string;
  value: Value;
  resolve(row: Row | null): void;
  reject(error: unknown): void;
}

export interface BatchOptions {
  /** Statements running at once; what arrives meanwhile waits to go together. */
  slots: number;
  /** Activities per batch at most. */
  limit: number;
}

export class ActivityBatches<Value, Row> {
  private queue: Waiting<Value, Row>[] = [];
  private readonly busy = new Set<string>();
  private running = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: BatchStore<Value, Row>,
    private readonly options: BatchOptions = { slots: 2, limit: 64 },
  ) {}

  /** Stores `value` for the conversation `key`, now or with the next batch. */
  run(key: string, value: Value): Promise<Row | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, value, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.slots && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.running++;
      void this.runBatch(batch);
    }
  }

  /** The queued activities of conversations not busy elsewhere, in arrival order, up to the limit. */
  private take(): Waiting<Value, Row>[] {
    const taken: Waiting<Value, Row>[] = [];
    const left: Waiting<Value, Row>[] = [];
    const keys = new Set<string>();
    const leftKeys = new Set<string>();
    for (const waiting of this.queue) {
      const free = keys.has(waiting.key) || !this.busy.has(waiting.key);
      // Once one of a conversation's activities is left for later, so are the ones after it.
      if (free && taken.length < this.options.limit && !leftKeys.has(waiting.key)) {
        taken.push(waiting);
        keys.add(waiting.key);
      } else {
        left.push(waiting);
        leftKeys.add(waiting.key);
      }
    }
    for (const key of keys) this.busy.add(key);
    this.queue = left;
    return taken;
  }

  private async runBatch(batch: Waiting<Value, Row>[]): Promise<void> {
    let rest: { left: Waiting<Value, Row>[]; failed: boolean };
    try {
      rest = await this.together(batch);
    } finally {
      this.running--;
    }
    const left = byKey(rest.left);
    for (const waiting of batch) if (!left.has(waiting.key)) this.busy.delete(waiting.key);
    // The slot is free for others while these wait for their locks; their conversations stay busy.
    this.pump();
    await Promise.all(
      [...left].map(async ([key, items]) => {
        await this.storeWaiting(items, rest.failed);
        this.busy.delete(key);
        this.pump();
      }),
    );
  }

  /** Stores the batch, answering what was stored; returns, in order, what it left. */
  private async together(batch: Waiting<Value, Row>[]): Promise<{ left: Waiting<Value, Row>[]; failed: boolean }> {
    let rows: (Row | null)[];
    try {
      rows = await this.store(this.pool, batch.map((waiting) => waiting.value), { wait: false });
    } catch (error) {
      logger.debug({ err: error, size: batch.length }, 'activity batch failed; storing one by one');
      return { left: batch, failed: true };
    }
    const left: Waiting<Value, Row>[] = [];
    batch.forEach((waiting, i) => (rows[i] ? waiting.resolve(rows[i]) : left.push(waiting)));
    return { left, failed: false };
  }

  /**
   * One conversation's activities, in order, waiting for its lock: together in one statement (a
   * burst into a conversation a rep is reading must not pay a commit each), or, after a failure,
   * one by one so that each answers for itself.
   */
  private async storeWaiting(items: Waiting<Value, Row>[], oneByOne: boolean): Promise<void> {
    if (!oneByOne && items.length > 1) {
      try {
        const rows = await this.store(this.pool, items.map((waiting) => waiting.value), { wait: true });
        items.forEach((waiting, i) => waiting.resolve(rows[i]!));
        return;
      } catch (error) {
        logger.debug({ err: error, size: items.length }, "a conversation's activities failed together; storing one by one");
      }
    }
    for (const waiting of items) {
      await this.store(this.pool, [waiting.value], { wait: true }).then(([row]) => waiting.resolve(row!), waiting.reject);
    }
  }
}

function byKey<T extends { key: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.key);
    if (group) group.push(item);
    else groups.set(item.key, [item]);
  }
  return groups;
}
