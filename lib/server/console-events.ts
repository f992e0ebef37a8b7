// GET /api/console/events answered by the custom server itself: thousands of reps each hold one
// open, and opening one through the Next.js route stack cost milliseconds of CPU (docs/benchmarks.md
// "Fan-out"). Same authorisation (the session cookie), the same resume rules (Last-Event-ID or
// `?after=`, lib/realtime/sse-stream.ts) and the same answers as app/api/console/events/route.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getIronSession } from 'iron-session';
import { eventFilterFor } from '../auth/conversation-access';
import { type CookieData, sessionOptions } from '../auth/session-options';
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

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

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
  const { sessionId } = await getIronSession<CookieData>(request, response, sessionOptions());
  const agent = sessionId ? await sessionAgent(sessionId) : null;
  if (!agent) throw unauthorized('Sign in first.');
  const query = consoleApi.events.query.parse(Object.fromEntries(url.searchParams));
  const lastEventId = request.headers['last-event-id'];
  const after = parseLastEventId((typeof lastEventId === 'string' ? lastEventId : null) ?? query.after ?? null);
  if (response.destroyed) return; // gone while we looked the session up

  const gone = new AbortController();
  keepAgentConnected(agent.id, gone.signal);
  metrics().openStreams.inc();
  for (const { key, value } of securityHeaders) response.setHeader(key, value);
  response.writeHead(200, STREAM_HEADERS);
  const close = () => response.end();
  const stop = followEvents(
    realtimeHub(),
    after,
    eventFilterFor(agent),
    {
      write: (chunk) => {
        if (response.writableLength > MAX_UNREAD_BYTES) close();
        else response.write(chunk);
      },
      close,
    },
    (error) => logger.warn({ err: error, agentId: agent.id }, 'console stream failed; the client resumes'),
  );
  response.once('close', () => {
    stop();
    gone.abort();
    metrics().openStreams.dec();
  });
}
