// NOTIFY after commit, coalesced: under load many transactions commit while one NOTIFY is on its
// way, or within a few milliseconds of the last one; the next round trip then wakes listeners once
// for all of them. Listeners read what changed from the tables (never from the payload), so one
// wake-up per burst loses nothing. A quiet system notifies at once; a busy one at most every
// MIN_INTERVAL_MS, sparing every listener (each instance's hub, each worker) a read per commit.
import type pg from 'pg';
import { logger } from '../log/logger';
import { notifyChannels } from './sql/notify';

const MIN_INTERVAL_MS = 5;

class Notifier {
  private pending = new Set<string>();
  private sending = false;
  private lastSentAt = 0;

  constructor(private readonly pool: pg.Pool) {}

  request(channel: string): void {
    this.pending.add(channel);
    if (!this.sending) void this.send();
  }

  private async send(): Promise<void> {
    this.sending = true;
    while (this.pending.size > 0) {
      // Let the commits finishing in this same tick (or the next few milliseconds, when busy) join.
      const wait = this.lastSentAt + MIN_INTERVAL_MS - Date.now();
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
      // A pool being closed (shutdown) has nobody left to wake.
      if (this.pool.ending) break;
      const channels = [...this.pending];
      this.pending.clear();
      this.lastSentAt = Date.now();
      await notifyChannels(this.pool, channels).catch((error: unknown) => logger.warn({ err: error, channels }, 'notify after commit failed; listeners will catch up on their timer'));
    }
    this.pending.clear();
    this.sending = false;
  }
}

const notifiers = new WeakMap<pg.Pool, Notifier>();

/** Wakes the listeners of `channels` soon; call only after the change has committed. */
export function notifySoon(pool: pg.Pool, channels: Iterable<string>): void {
  let notifier = notifiers.get(pool);
  if (!notifier) notifiers.set(pool, (notifier = new Notifier(pool)));
  for (const channel of channels) notifier.request(channel);
}
