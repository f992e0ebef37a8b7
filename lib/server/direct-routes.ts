// The ingest hot paths, answered by the custom server itself rather than through Next.js: the
// App Router's per-request work cost several times what storing an activity costs
// (docs/benchmarks.md), and so did adapting each request to a web `Request` and `Response`. The
// handlers are the ones the App Router routes call, so behaviour (auth, limits, errors) is
// identical; everything else goes to Next.js.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { postActivityAnswer } from '../channels/directline/activity-routes';
import { eventGridDeliveryAnswer } from '../channels/whatsapp/eventgrid-route';
import { statusOf } from '../http/error-status';
import { answer, type Answer, type Incoming } from '../http/incoming';
import { readNodeBytes } from '../http/read-bytes';
import { logger } from '../log/logger';
import { errorBody } from '../protocol/error';
import { sendAnswer } from './send-answer';

interface DirectRoute {
  method: string;
  path: RegExp;
  handler: (incoming: Incoming, params: string[]) => Promise<Answer>;
}

const ROUTES: DirectRoute[] = [
  {
    method: 'POST',
    path: /^\/v3\/directline\/conversations\/([^/]+)\/activities$/,
    handler: (incoming, [conversationId]) => postActivityAnswer(incoming, conversationId!),
  },
  { method: 'POST', path: /^\/api\/eventgrid\/acs$/, handler: (incoming) => eventGridDeliveryAnswer(incoming) },
];

/** The route for this request with its decoded path parameters, or null (Next.js answers it). */
function match(request: IncomingMessage): { route: DirectRoute; params: string[] } | null {
  const pathname = (request.url ?? '').split('?', 1)[0]!;
  for (const route of ROUTES) {
    if (route.method !== request.method) continue;
    const found = route.path.exec(pathname);
    if (!found) continue;
    try {
      return { route, params: found.slice(1).map(decodeURIComponent) };
    } catch {
      return null; // malformed escapes: Next.js answers those as it always has
    }
  }
  return null;
}

/** `request.url` is origin-form here (`match` saw it start with a slash). */
function nodeIncoming(request: IncomingMessage, origin: string): Incoming {
  return {
    url: origin + request.url,
    method: request.method!,
    headers: {
      get(name) {
        const value = request.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    bytes: (maxBytes) => readNodeBytes(request, maxBytes),
  };
}

/** Answers the request if it is one of ours; false when Next.js should. */
export function serveDirectly(request: IncomingMessage, response: ServerResponse, origin: string): boolean {
  const found = match(request);
  if (!found) return false;
  found.route
    .handler(nodeIncoming(request, origin), found.params)
    .then((result) => sendAnswer(response, result))
    .catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'direct route failed');
      if (!response.headersSent) sendAnswer(response, answer(errorBody('InternalError', 'Something went wrong on our side.'), statusOf('InternalError')));
    });
  return true;
}
