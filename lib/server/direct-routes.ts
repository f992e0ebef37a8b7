// The ingest hot paths, answered by the custom server itself rather than through Next.js: the
// App Router's per-request work cost several times what storing an activity costs
// (docs/benchmarks.md). The handlers are the same ones the App Router routes export, so behaviour
// (auth, limits, errors) is identical; everything else goes to Next.js.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { postActivityRoute } from '../channels/directline/activity-routes';
import { eventGridDeliveryRoute } from '../channels/whatsapp/eventgrid-route';
import securityHeaders from '../http/security-headers.json';
import { logger } from '../log/logger';
import { errorBody } from '../protocol/error';

interface DirectRoute {
  method: string;
  path: RegExp;
  handler: (request: Request, params: string[]) => Promise<Response>;
}

const ROUTES: DirectRoute[] = [
  {
    method: 'POST',
    path: /^\/v3\/directline\/conversations\/([^/]+)\/activities$/,
    handler: (request, [conversationId]) => postActivityRoute(request, { params: Promise.resolve({ conversationId: conversationId! }) }),
  },
  { method: 'POST', path: /^\/api\/eventgrid\/acs$/, handler: (request) => eventGridDeliveryRoute(request) },
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

/**
 * The request body as a web stream that can be abandoned: a handler may answer (401, 413) before
 * reading it all, and the rest must still be drained, or the client, still sending, never reads
 * the answer.
 */
function bodyOf(request: IncomingMessage): { stream: ReadableStream<Uint8Array>; discardRest(): void } {
  let discarding = false;
  const discardRest = () => {
    discarding = true;
    request.resume();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      request.on('data', (chunk: Buffer) => {
        if (discarding) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      });
      request.once('end', () => discarding || controller.close());
      request.once('error', (error) => discarding || controller.error(error));
    },
    pull: () => void request.resume(),
    cancel: discardRest,
  });
  return { stream, discardRest };
}

function toWebRequest(request: IncomingMessage, origin: string, body: ReadableStream<Uint8Array>): Request {
  const headers = new Headers();
  for (let i = 0; i < request.rawHeaders.length; i += 2) headers.append(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
  return new Request(new URL(request.url ?? '/', origin), { method: request.method, headers, body, duplex: 'half' } as RequestInit);
}

async function send(answer: Response, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  for (const { key, value } of securityHeaders) response.setHeader(key, value);
  answer.headers.forEach((value, key) => response.setHeader(key, value));
  response.setHeader('Content-Length', body.length);
  response.writeHead(answer.status).end(body);
}

/** Answers the request if it is one of ours; false when Next.js should. */
export function serveDirectly(request: IncomingMessage, response: ServerResponse, origin: string): boolean {
  const found = match(request);
  if (!found) return false;
  const body = bodyOf(request);
  found.route
    .handler(toWebRequest(request, origin, body.stream), found.params)
    .then((answer) => send(answer, response))
    .catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'direct route failed');
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify(errorBody('InternalError', 'Something went wrong on our side.')));
      }
    })
    .finally(() => {
      if (!request.complete) body.discardRest();
    });
  return true;
}
