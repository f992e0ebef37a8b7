// What a route handler reads of a request, whichever server received it: Next.js (a web `Request`)
// or the custom server's direct routes (a Node `IncomingMessage`, lib/server/direct-routes.ts),
// which skip building a web Request and its body stream for every ingest POST.
import { readBytes } from './read-bytes';

export interface HeaderReader {
  get(name: string): string | null;
}

export interface Incoming {
  /** Absolute URL. */
  readonly url: string;
  readonly method: string;
  readonly headers: HeaderReader;
  /** The body, refusing more than `maxBytes` (413) without buffering past the limit. */
  bytes(maxBytes: number): Promise<Buffer>;
}

export function incomingOf(request: Request): Incoming {
  return { url: request.url, method: request.method, headers: request.headers, bytes: (maxBytes) => readBytes(request, maxBytes) };
}

/** What a handler answers: a status and a JSON body, turned into bytes by the server that asked. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function answer(body: unknown, status = 200, headers?: Record<string, string>): Answer {
  return { status, body, ...(headers && { headers }) };
}

export function toResponse({ status, body, headers }: Answer): Response {
  return Response.json(body, { status, headers });
}
