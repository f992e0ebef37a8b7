// Drains the outbox: `concurrency` loops (each a transaction of up to `batchSize` deliveries, on a
// connection of its own), woken at once by NOTIFY on enqueue, sleeping until the next scheduled retry
// otherwise. Several workers (in several processes) may run against one database.
import type { Db } from '../db/client';
import { isStopping } from '../boot/stopping';
import { listen, type Listening } from '../db/listen';
import { connectionErrorFields } from '../db/connection-error';
import { logger } from '../log/logger';
import { OUTBOX_CHANNEL } from './enqueue';
import { nextDueAt, processDueDeliveries } from './process-delivery';

const MAX_IDLE_MS = 5_000;

export class OutboxWorker {
  private stopped = false;
  private wakers = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private listener: Listening | null = null;
  /** Counts notifications, so a loop can tell whether one arrived while it was looking for work. */
  private notifications = 0;

  constructor(
    private readonly db: Db,
    private readonly options: { connectionString: string; concurrency: number; batchSize: number },
  ) {}

  async start(): Promise<void> {
    await this.listen();
    for (let slot = 0; slot < this.options.concurrency; slot++) this.loops.push(this.loop());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeAll();
    await Promise.all(this.loops);
    await this.listener?.end().catch(() => {});
  }

  private async listen(): Promise<void> {
    this.listener = await listen(this.options.connectionString, OUTBOX_CHANNEL, {
      notification: () => {
        this.notifications++;
        this.wakeAll();
      },
      lost: (listener, error) => {
        if (error && !isStopping()) logger.warn(connectionErrorFields(error), 'outbox listener lost its connection');
        if (this.stopped || isStopping() || this.listener !== listener) return;
        this.listener = null;
        setTimeout(() => this.listen().catch((error) => isStopping() || logger.warn(connectionErrorFields(error), 'outbox listener reconnect failed')), 1000);
      },
    });
    this.wakeAll();
  }

  private wakeAll() {
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        const seen = this.notifications;
        if ((await processDueDeliveries(this.db, this.options.batchSize)) > 0) continue;
        if (this.notifications !== seen) continue;
        // A due delivery we could not claim waits behind an earlier one in flight; finishing that
        // one notifies, so sleep until then rather than spin.
        const due = await nextDueAt(this.db);
        const wait = due ? due.getTime() - Date.now() : MAX_IDLE_MS;
        await this.sleep(wait > 0 ? wait : MAX_IDLE_MS);
      } catch (error) {
        if (!isStopping()) logger.warn({ err: error }, 'outbox worker error; retrying shortly');
        await this.sleep(1000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(ms, MAX_IDLE_MS));
      this.wakers.add(done);
    });
  }
}
