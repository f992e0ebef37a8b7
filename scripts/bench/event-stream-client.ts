// A minimal console event-stream (SSE) client on node:http, light enough to hold thousands open from
// one process: it does not parse events, it hands the caller the raw text to search for markers.
import http from 'node:http';

/** Wall-clock milliseconds with sub-millisecond resolution; a browser's `performance.timeOrigin + performance.now()` agrees. */
export const now = () => performance.timeOrigin + performance.now();

/** Long enough to hold any marker the benchmarks search for, so one split across two chunks is still found. */
const TAIL = 128;

export interface OpenStream {
  close(): void;
  /** The id of the last event the stream carried (what EventSource sends back as Last-Event-ID). */
  lastEventId(): string | null;
}

const EVENT_ID = /^id: (\d+)$/gm;

/**
 * Opens `/api/console/events` as the rep whose cookie this is and resolves once the server said
 * `ready` (caught up, live). `onText` gets each chunk preceded by the end of the previous one.
 */
export function openConsoleStream(
  url: string,
  cookie: string,
  onText: (text: string, at: number) => void,
  resumeFrom: string | null = null,
): Promise<OpenStream> {
  const headers: Record<string, string> = { cookie, accept: 'text/event-stream' };
  if (resumeFrom) headers['last-event-id'] = resumeFrom;
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/api/console/events`, { agent: false, headers }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`event stream answered ${response.statusCode}`));
        return;
      }
      response.setEncoding('utf8');
      let tail = '';
      let ready = false;
      let lastId = resumeFrom;
      response.on('data', (chunk: string) => {
        const at = now();
        const text = tail + chunk;
        tail = text.slice(-TAIL);
        for (const match of chunk.matchAll(EVENT_ID)) lastId = match[1]!;
        if (!ready && text.includes('event: ready')) {
          ready = true;
          resolve({ close: () => request.destroy(), lastEventId: () => lastId });
        }
        onText(text, at);
      });
      response.on('error', () => {});
    });
    request.on('error', reject);
  });
}
