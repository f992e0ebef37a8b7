// A console client's event stream: catch up from its last event id, then follow the hub live.
import type { StreamedEvent } from '../views/types';
import type { RealtimeHub } from './hub';

const HEARTBEAT_MS = 15_000;

const encoder = new TextEncoder();
/** Each event's SSE frame, encoded once however many streams it goes to (the hub hands them all the same object). */
const frames = new WeakMap<StreamedEvent, Uint8Array>();
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');

function frameOf(event: StreamedEvent): Uint8Array {
  let frame = frames.get(event);
  if (!frame) frames.set(event, (frame = encoder.encode(`id: ${event.id}\nevent: console\ndata: ${JSON.stringify(event)}\n\n`)));
  return frame;
}

export function parseLastEventId(value: string | null): bigint | null {
  return value && /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

/**
 * `accept` decides which events this client may see (its conversations only); the cursor moves past
 * the others all the same.
 */
export function openEventStream(
  hub: RealtimeHub,
  lastEventId: bigint | null,
  signal: AbortSignal,
  accept: (event: StreamedEvent) => boolean = () => true,
): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (chunk: string | Uint8Array) => {
        try {
          controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
        } catch {
          cleanup();
        }
      };
      await hub.start();
      let cursor = lastEventId ?? (await hub.currentId());
      let catchingUp = true;
      const buffered: StreamedEvent[] = [];
      const send = (event: StreamedEvent) => {
        const id = BigInt(event.id);
        if (id <= cursor) return;
        cursor = id;
        if (!accept(event)) return;
        write(frameOf(event));
      };
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      // The hub ends the stream when the instance stops: the client sees the response end and reconnects.
      const unsubscribe = hub.subscribe((event) => (catchingUp ? buffered.push(event) : send(event)), end);
      const heartbeat = setInterval(() => write(KEEP_ALIVE), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      signal.addEventListener('abort', end);

      write(`retry: 1000\n\n`);
      for (;;) {
        const backlog = await hub.eventsAfter(cursor);
        backlog.forEach(send);
        if (backlog.length === 0) break;
      }
      catchingUp = false;
      buffered.splice(0).forEach(send);
      // Tells the client which id it is now at, so it can refetch anything older than the stream.
      write(`event: ready\ndata: ${JSON.stringify({ id: cursor.toString() })}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
}
