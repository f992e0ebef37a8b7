// A console client's event stream: catch up from its last event id, then follow the hub live.
import type { z } from 'zod';
import type { streamReadySchema } from '../protocol/console';
import type { StreamedEvent } from '../views/types';
import type { RealtimeHub } from './hub';

const HEARTBEAT_MS = 15_000;

const encoder = new TextEncoder();
/** Each event's SSE frame, encoded once however many streams it goes to (the hub hands them all the same object). */
const frames = new WeakMap<StreamedEvent, Uint8Array>();
/** A delivered run's frames joined once, for every stream that takes the whole run (most do). */
const runs = new WeakMap<readonly StreamedEvent[], Uint8Array>();
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');
/** While a stream catches up its writes are gathered and go out together, up to this many bytes at a time. */
const OPENING_FLUSH_BYTES = 64 * 1024;

function frameOf(event: StreamedEvent): Uint8Array {
  let frame = frames.get(event);
  if (!frame) frames.set(event, (frame = encoder.encode(`id: ${event.id}\nevent: console\ndata: ${JSON.stringify(event)}\n\n`)));
  return frame;
}

function framesOf(events: readonly StreamedEvent[]): Uint8Array {
  if (events.length === 1) return frameOf(events[0]!);
  let joined = runs.get(events);
  if (!joined) runs.set(events, (joined = Buffer.concat(events.map(frameOf))));
  return joined;
}

export function parseLastEventId(value: string | null): bigint | null {
  return value && /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

export interface StreamSink {
  write(chunk: Uint8Array): void;
  /** The stream ends (the instance stops, or following failed): the client reconnects and resumes. */
  close(): void;
}

/**
 * Resumes after `lastEventId`; one older than the event log's retention (lib/retention) starts at
 * the newest event instead and says so in its `ready` event (docs/operations.md "Retention").
 * `accept` decides which events this client may see (its conversations only); the cursor moves past
 * the others all the same. Returns the function that stops following (the client went away).
 */
export function followEvents(
  hub: RealtimeHub,
  lastEventId: bigint | null,
  accept: (event: StreamedEvent) => boolean,
  sink: StreamSink,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  let cleanup = () => {};
  const stop = () => {
    if (stopped) return;
    stopped = true;
    cleanup();
  };
  const end = () => {
    stop();
    sink.close();
  };
  // Until the stream is live, what it writes is gathered: an open costs one socket write, not three or more.
  let opening: Uint8Array[] | null = [];
  let openingBytes = 0;
  const flushOpening = () => {
    if (!opening || opening.length === 0) return;
    const chunks = opening.splice(0);
    openingBytes = 0;
    sink.write(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  };
  const write = (chunk: string | Uint8Array) => {
    if (stopped) return;
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    if (!opening) return sink.write(bytes);
    opening.push(bytes);
    openingBytes += bytes.byteLength;
    if (openingBytes >= OPENING_FLUSH_BYTES) flushOpening();
  };
  const follow = async () => {
    await hub.start();
    let cursor = lastEventId ?? (await hub.currentId());
    if (stopped) return;
    let catchingUp = true;
    const buffered: (readonly StreamedEvent[])[] = [];
    const send = (events: readonly StreamedEvent[]) => {
      const taken = events.filter((event) => {
        const id = BigInt(event.id);
        if (id <= cursor) return false;
        cursor = id;
        return accept(event);
      });
      if (taken.length === 0) return;
      write(taken.length === events.length ? framesOf(events) : Buffer.concat(taken.map(frameOf)));
    };
    // The hub ends the stream when the instance stops: the client sees the response end and reconnects.
    const unsubscribe = hub.subscribe((events) => (catchingUp ? buffered.push(events) : send(events)), end);
    const heartbeat = setInterval(() => write(KEEP_ALIVE), HEARTBEAT_MS);
    cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };

    write(`retry: 1000\n\n`);
    let expired = false;
    for (let first = true; !stopped; first = false) {
      const backlog = await hub.eventsAfter(cursor);
      // Read after the first batch: if nothing after the client's id had been pruned then, that batch is whole.
      if (first && lastEventId !== null && lastEventId < (await hub.prunedThrough())) {
        expired = true;
        cursor = await hub.currentId();
        break;
      }
      send(backlog);
      if (backlog.length === 0) break;
    }
    catchingUp = false;
    buffered.splice(0).forEach(send);
    // Tells the client which id it is now at, so it can refetch anything older than the stream;
    // `expired`: its Last-Event-ID was older than the event log keeps, nothing was replayed.
    const ready: z.infer<typeof streamReadySchema> = expired ? { id: cursor.toString(), expired } : { id: cursor.toString() };
    write(`event: ready\ndata: ${JSON.stringify(ready)}\n\n`);
    flushOpening();
    opening = null;
  };
  follow().catch((error: unknown) => {
    if (stopped) return;
    onError(error);
    end();
  });
  return stop;
}

/** The stream as a web `ReadableStream` (the Next.js route, when the custom server does not answer it). */
export function openEventStream(
  hub: RealtimeHub,
  lastEventId: bigint | null,
  signal: AbortSignal,
  accept: (event: StreamedEvent) => boolean = () => true,
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const sink: StreamSink = {
        write: (chunk) => {
          try {
            controller.enqueue(chunk);
          } catch {
            stop();
          }
        },
        close: () => {
          try {
            controller.close();
          } catch {
            // already closed
          }
        },
      };
      stop = followEvents(hub, lastEventId, accept, sink, onError);
      signal.addEventListener('abort', () => {
        stop();
        sink.close();
      });
    },
    cancel() {
      stop();
    },
  });
}
