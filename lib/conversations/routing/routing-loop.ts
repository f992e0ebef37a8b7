import { createDb, type Db } from '../../db/client';
import { isStopping } from '../../boot/stopping';
import { logger } from '../../log/logger';
import { routeWaitingConversations } from './route-waiting';

const TICK_MS = 1000;

/**
 * Routes on a one-second tick: new conversations, freed capacity, presence changes and overdue
 * offers are all picked up by the next tick, on whichever instance takes the routing lock.
 */
export class RoutingLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly offerTimeoutMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, TICK_MS);
  }

  private async tick(): Promise<void> {
    try {
      const result = await routeWaitingConversations(this.db, { offerTimeoutMs: this.offerTimeoutMs });
      if (result.offered || result.expired || result.disconnected || result.outOfHours || result.slaAlerts || result.bot) logger.debug(result, 'routing tick');
    } catch (error) {
      if (!isStopping()) logger.warn({ err: error }, 'routing tick failed; the next one retries');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

/** Starts routing on its own small pool; resolves to a stop function. */
export function runRouting(databaseUrl: string, offerTimeoutSeconds: number): () => Promise<void> {
  const db = createDb(databaseUrl, 2);
  const loop = new RoutingLoop(db, offerTimeoutSeconds * 1000);
  loop.start();
  logger.info({ offerTimeoutSeconds }, 'routing started');
  return async () => {
    await loop.stop();
    await db.$disconnect();
  };
}
