// GET /api/console/events answered by the custom server itself: thousands of reps each hold one
// open, and opening one through the Next.js route stack cost milliseconds of CPU (docs/benchmarks.md
// "Fan-out"). Same authorisation (the session cookie), the same resume rules (Last-Event-ID or
// `?after=`, lib/realtime/sse-stream.ts) and the same answers as app/api/console/events/route.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventFilterFor } from '../auth/conversation-access';
import { sessionIdFromCookies } from '../auth/sealed-session';
import { findSessionAgent } from '../auth/sessions';
import { keepAgentConnected } from '../conversations/routing/connection';
import { unauthorized } from '../errors/app-error';
import { errorAnswer } from '../http/respond';
import securityHeaders from '../http/security-headers.json';
import { logger } from '../log/logger';
import { metrics } from '../metrics/registry';
import { consoleApi } from '../protocol/console';
import { realtimeHub } from '../realtime/hub';
import { sharedInFlight } from '../realtime/in-flight';
import { followEvents, parseLastEventId } from '../realtime/sse-stream';
import { sendAnswer } from './send-answer';

/**
 * What a client that does not read may leave waiting in this process before its stream is ended
 * (it reconnects and resumes from its Last-Event-ID; nothing is lost, memory stays bounded).
 */
const MAX_UNREAD_BYTES = 1 << 20;

/** A reconnect storm brings each rep's streams back at once: their session is read once. */
const sessionAgent = sharedInFlight((sessionId) => findSessionAgent(sessionId));

/**
 * The stream is written straight to the socket, not through ServerResponse: its chunked framing
 * corks the socket and writes three buffers per event, which made writing one message to 10,000
 * streams cost ~240 ms of CPU. The body is delimited by the connection's end, as HTTP/1.1 allows.
 */
const STREAM_HEAD = [
  'HTTP/1.1 200 OK',
  'Content-Type: text/event-stream; charset=utf-8',
  'Cache-Control: no-cache, no-transform',
  'X-Accel-Buffering: no',
  ...securityHeaders.map(({ key, value }) => `${key}: ${value}`),
  'Connection: close',
].join('\r\n');

function streamHead(response: ServerResponse): string {
  // Headers set before us (Strict-Transport-Security) go out too.
  const extra = Object.entries(response.getHeaders()).map(([key, value]) => `\r\n${key}: ${String(value)}`);
  return `${STREAM_HEAD}${extra.join('')}\r\nDate: ${new Date().toUTCString()}\r\n\r\n`;
}

/** Answers the request when it opens the console stream; false for every other request. */
export function serveConsoleEvents(request: IncomingMessage, response: ServerResponse, origin: string): boolean {
  if (request.method !== 'GET' || (request.url ?? '').split('?', 1)[0] !== consoleApi.events.path) return false;
  const url = new URL(origin + request.url);
  open(request, response, url).catch((error: unknown) => {
    if (!response.headersSent) sendAnswer(response, errorAnswer(error, { url: url.href, method: 'GET' }));
    else response.destroy();
  });
  return true;
}

async function open(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const sessionId = await sessionIdFromCookies(request.headers.cookie);
  const agent = sessionId ? await sessionAgent(sessionId) : null;
  if (!agent) throw unauthorized('Sign in first.');
  const query = consoleApi.events.query.parse(Object.fromEntries(url.searchParams));
  const lastEventId = request.headers['last-event-id'];
  const after = parseLastEventId((typeof lastEventId === 'string' ? lastEventId : null) ?? query.after ?? null);
  const socket = response.socket;
  if (!socket || socket.destroyed) return; // gone while we looked the session up

  const disconnected = keepAgentConnected(agent.id);
  metrics().openStreams.inc();
  // The head waits for the stream's first write (its catch-up and `ready`): one system call per open.
  socket.cork();
  socket.write(streamHead(response));
  let corked = true;
  const uncork = () => {
    if (corked) socket.uncork();
    corked = false;
  };
  const close = () => {
    uncork();
    socket.end();
  };
  const stop = followEvents(
    realtimeHub(),
    after,
    eventFilterFor(agent),
    {
      write: (chunk) => {
        if (socket.writableLength > MAX_UNREAD_BYTES) return close();
        socket.write(chunk);
        uncork();
      },
      close,
    },
    (error) => logger.warn({ err: error, agentId: agent.id }, 'console stream failed; the client resumes'),
  );
  socket.once('close', () => {
    stop();
    disconnected();
    metrics().openStreams.dec();
  });
}
