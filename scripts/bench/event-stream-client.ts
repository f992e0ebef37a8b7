// A minimal console event-stream (SSE) client on a raw TCP socket, light enough to hold thousands
// open from one process on the machine under test: no HTTP parser, no decoding; it hands the caller
// the raw text (latin1: markers and ids are ASCII) to search for markers.
import net from 'node:net';

/** Wall-clock milliseconds with sub-millisecond resolution; a browser's `performance.timeOrigin + performance.now()` agrees. */
export const now = () => performance.timeOrigin + performance.now();

/** Long enough to hold any marker the benchmarks search for, so one split across two reads is still found. */
const TAIL = 128;
const HEAD_END = '\r\n\r\n';

export interface OpenStream {
  close(): void;
  /** The id of the last event the stream carried (what EventSource sends back as Last-Event-ID). */
  lastEventId(): string | null;
  /** Bytes of body read so far. */
  bytesRead(): number;
}

/** The id of the last complete `id:` line in `text`, or null. */
function lastIdIn(text: string): string | null {
  for (let end = text.length; ; ) {
    const at = text.lastIndexOf('id: ', end);
    if (at < 0) return null;
    const lineEnd = text.indexOf('\n', at);
    if ((at === 0 || text[at - 1] === '\n') && lineEnd > at + 4) return text.slice(at + 4, lineEnd);
    end = at - 1;
    if (end < 0) return null;
  }
}

/**
 * Opens `/api/console/events` as the rep whose cookie this is and resolves once the server said
 * `ready` (caught up, live). `onText` gets each read preceded by the end of the previous one.
 */
export function openConsoleStream(
  url: string,
  cookie: string,
  onText: (text: string, at: number) => void,
  resumeFrom: string | null = null,
): Promise<OpenStream> {
  const { hostname, port } = new URL(url);
  const request =
    `GET /api/console/events HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\nAccept: text/event-stream\r\n` +
    (resumeFrom ? `Last-Event-ID: ${resumeFrom}\r\n` : '') +
    '\r\n';
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let head: string | null = '';
    let tail = '';
    let ready = false;
    let lastId = resumeFrom;
    let bytes = 0;
    socket.on('data', (chunk: Buffer) => {
      const at = now();
      let text = chunk.toString('latin1');
      bytes += chunk.length;
      if (head !== null) {
        head += text;
        const end = head.indexOf(HEAD_END);
        if (end < 0) return;
        if (!head.startsWith('HTTP/1.1 200')) {
          socket.destroy();
          reject(new Error(`event stream answered ${head.slice(9, 12)}`));
          return;
        }
        text = head.slice(end + HEAD_END.length);
        head = null;
      }
      text = tail + text;
      tail = text.slice(-TAIL);
      lastId = lastIdIn(text) ?? lastId;
      if (!ready && text.includes('event: ready')) {
        ready = true;
        resolve({ close: () => socket.destroy(), lastEventId: () => lastId, bytesRead: () => bytes });
      }
      onText(text, at);
    });
    socket.on('error', (error) => {
      if (!ready) reject(error);
    });
    socket.on('close', () => {
      if (!ready) reject(new Error('event stream closed before it was ready'));
    });
  });
}
