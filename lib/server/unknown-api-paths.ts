// Paths under /v3 that no App Router route serves get the JSON 404 every API of ours promises;
// Next.js would answer its HTML "not found" page. (/api has a catch-all route for this; one under
// /v3 made Next.js take the Direct Line stream's WebSocket upgrades.) The routes are read from the
// production build's manifest; without one (development) Next.js answers as it does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import securityHeaders from '../http/security-headers.json';
import { errorBody } from '../protocol/error';

interface RoutesManifest {
  staticRoutes: { page: string }[];
  dynamicRoutes: { page: string; regex: string }[];
}

/** A function answering whether Next.js serves a pathname, or null when there is no build to ask. */
export function routeMatcher(dir: string): ((pathname: string) => boolean) | null {
  let manifest: RoutesManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, '.next', 'routes-manifest.json'), 'utf8')) as RoutesManifest;
  } catch {
    return null;
  }
  const statics = new Set(manifest.staticRoutes.map((route) => route.page));
  const dynamics = manifest.dynamicRoutes.map((route) => new RegExp(route.regex));
  return (pathname) => statics.has(pathname) || dynamics.some((regex) => regex.test(pathname));
}

/** Answers a /v3 request no route serves with a JSON 404; false when Next.js should answer. */
export function answerUnknownApiPath(request: IncomingMessage, response: ServerResponse, serves: (pathname: string) => boolean): boolean {
  const pathname = (request.url ?? '').split('?', 1)[0]!;
  // Next.js normalises trailing slashes and dot segments (escaped or not) itself: those stay its.
  if (!pathname.startsWith('/v3/') || pathname.endsWith('/') || /%2e|\/\.\.?(\/|$)/i.test(pathname) || serves(pathname)) return false;
  const body = JSON.stringify(errorBody('NotFound', 'There is no such endpoint.'));
  for (const { key, value } of securityHeaders) response.setHeader(key, value);
  response.writeHead(404, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body);
  return true;
}
