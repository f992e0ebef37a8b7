// NOTIFY after commit, coalesced: under load many transactions commit while one NOTIFY is on its
// way; the next round trip then wakes listeners once for all of them. Listeners read what changed
// from the tables (never from the payload), so one wake-up per burst loses nothing.
import type pg from 'pg';
import { logger } from '../log/logger';

class Notifier {
  private pending = new Set<string>();
  private sending = false;

  constructor(private readonly pool: pg.Pool) {}

  request(channel: string): void {
    this.pending.add(channel);
    if (!this.sending) void this.send();
  }

  private async send(): Promise<void> {
    this.sending = true;
    // Let the commits finishing in this same tick join the first round trip.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      const channels = [...this.pending];
      this.pending.clear();
      await this.pool
        .query(`SELECT pg_notify(channel, '') FROM unnest($1::text[]) AS channel`, [channels])
        .catch((error: unknown) => logger.warn({ err: error, channels }, 'notify after commit failed; listeners will catch up on their timer'));
    }
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
