// One LISTEN connection per app instance fans the event log out to every open console stream.
// Each notification only says "there is news"; the hub then reads the log after the last id it
// delivered, so a lost notification or a reconnect never loses an event.
import { databaseUrl } from '../config/env';
import { db } from '../db/client';
import { listen, type Listening } from '../db/listen';
import { connectionErrorFields } from '../db/connection-error';
import { eventsAfter as eventsAfterSql, newestEventId, prunedThroughId } from '../db/sql/event-log';
import { isStopping } from '../boot/stopping';
import { logger } from '../log/logger';
import type { StreamedEvent } from '../views/types';
import { EVENT_CHANNEL } from './event-log';
import { sharedInFlight } from './in-flight';
import { contiguousRun, GAP_WAIT_MS, type MissingSince } from './event-order';

/** Each delivery is a run of consecutive events, oldest first (read-only: every listener gets the same array). */
type Listener = (events: readonly StreamedEvent[]) => void;
/** Called when the instance stops: the subscriber ends its stream cleanly. */
type OnEnd = () => void;

const BATCH = 500;
/** Catch-up check for a wake-up lost between a commit and its NOTIFY (a crash in between). */
const SAFETY_DRAIN_MS = 2_000;

export class RealtimeHub {
  private listeners = new Map<Listener, OnEnd | undefined>();
  private listener: Listening | null = null;
  private lastId = 0n;
  private ready: Promise<void> | null = null;
  private draining: Promise<void> | null = null;
  private pendingDrain = false;
  /** When the current gap in event ids was first seen (null: no gap). */
  private readonly missingSince: MissingSince = new Map();
  private gapTimer: NodeJS.Timeout | null = null;
  private safetyTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private readonly readEvents = sharedInFlight(async (key) => {
    const [afterId, upTo, limit] = key.split(':');
    // Plain SQL: this runs on every burst of events, and the payloads are stored ready to send.
    const rows = await eventsAfterSql(db(), afterId!, upTo || null, Number(limit));
    return rows.map((row) => ({ ...(row.payload as object), id: row.id }) as StreamedEvent);
  });
  private readonly readPrunedThrough = sharedInFlight(async () => BigInt((await prunedThroughId(db())) ?? '0'));

  constructor(private readonly connectionString: string) {}

  /** The id of the newest event this hub has delivered (streams resume from it). */
  async currentId(): Promise<bigint> {
    await this.start();
    return this.lastId;
  }

  /** The newest event id the worker has pruned (0: none): a stream from before it may have missed events. */
  prunedThrough(): Promise<bigint> {
    return this.readPrunedThrough('');
  }

  start(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.ready ??= this.connect(true).then(() => {
      if (this.closed) return;
      this.safetyTimer = setInterval(() => this.drain(), SAFETY_DRAIN_MS).unref();
    });
    return this.ready;
  }

  subscribe(listener: Listener, onEnd?: OnEnd): () => void {
    this.listeners.set(listener, onEnd);
    return () => this.listeners.delete(listener);
  }

  /** Ends every open stream (the instance is stopping); the LISTEN connection stays until `close`. */
  endStreams(): void {
    for (const [listener, onEnd] of [...this.listeners]) {
      this.listeners.delete(listener);
      onEnd?.();
    }
  }

  /**
   * Events after `afterId` up to `upTo` (default: what this hub has delivered), oldest first. Streams
   * asking the same at once share one read and the same event objects (read-only: each is framed once).
   */
  eventsAfter(afterId: bigint, limit = BATCH, upTo: bigint | null = this.lastId): Promise<StreamedEvent[]> {
    return this.readEvents(`${afterId}:${upTo ?? ''}:${limit}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    if (this.safetyTimer) clearInterval(this.safetyTimer);
    this.endStreams();
    await this.ready?.catch(() => {});
    await this.draining;
    await this.listener?.end().catch(() => {});
  }

  private async connect(first: boolean): Promise<void> {
    this.listener = await listen(this.connectionString, EVENT_CHANNEL, {
      notification: () => this.drain(),
      lost: (listener, error) => {
        if (this.closed) return;
        if (error && !isStopping()) logger.warn(connectionErrorFields(error), 'realtime listener lost its connection');
        this.reconnect(listener);
      },
    });
    if (first) {
      this.lastId = BigInt((await newestEventId(db())) ?? '0');
    } else {
      this.drain();
    }
  }

  private reconnect(listener: Listening) {
    if (this.closed || isStopping() || this.listener !== listener) return;
    this.listener = null;
    const retry = (delay: number) =>
      setTimeout(() => {
        this.connect(false).catch((error) => {
          if (!isStopping()) logger.warn(connectionErrorFields(error), 'realtime listener reconnect failed');
          retry(Math.min(delay * 2, 5000));
        });
      }, delay);
    retry(250);
  }

  private drain(): void {
    if (this.closed) return;
    if (this.draining) {
      this.pendingDrain = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.pendingDrain = false;
        for (;;) {
          const events = await this.eventsAfter(this.lastId, BATCH, null);
          const { deliver, waiting } = contiguousRun(this.lastId, events, this.missingSince);
          if (deliver.length > 0) {
            this.lastId = BigInt(deliver[deliver.length - 1]!.id);
            // One call per listener for the whole run: a stream writes it to its socket at once.
            for (const listener of this.listeners.keys()) listener(deliver);
          }
          if (waiting) {
            this.gapTimer ??= setTimeout(() => {
              this.gapTimer = null;
              this.drain();
            }, GAP_WAIT_MS);
            break;
          }
          if (events.length < BATCH) break;
        }
      } while (this.pendingDrain);
    })()
      .catch((error) => {
        if (!isStopping()) logger.warn({ err: error }, 'realtime drain failed; will retry on the next notification');
      })
      .finally(() => {
        this.draining = null;
      });
  }
}

const globalForHub = globalThis as unknown as { consoleHub?: RealtimeHub };

export function realtimeHub(): RealtimeHub {
  globalForHub.consoleHub ??= new RealtimeHub(databaseUrl());
  return globalForHub.consoleHub;
}

/** The process's hub, when one was started (stopping must not create one). */
export function runningRealtimeHub(): RealtimeHub | null {
  return globalForHub.consoleHub ?? null;
}
