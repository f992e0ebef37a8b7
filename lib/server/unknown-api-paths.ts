// Paths under /api and /v3 that no App Router route serves get the JSON 404 every API of ours
// promises; Next.js would answer its HTML "not found" page. (Not a catch-all route: one under /v3
// made Next.js take the Direct Line stream's WebSocket upgrades.) The routes are read from the
// production build's manifest; without one (development) Next.js answers as it does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusOf } from '../http/error-status';
import { answer } from '../http/incoming';
import { errorBody } from '../protocol/error';
import { sendAnswer } from './send-answer';

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

/** Answers an /api or /v3 request no route serves with a JSON 404; false when Next.js should answer. */
export function answerUnknownApiPath(request: IncomingMessage, response: ServerResponse, serves: (pathname: string) => boolean): boolean {
  const pathname = (request.url ?? '').split('?', 1)[0]!;
  // Next.js normalises trailing slashes and dot segments (escaped or not) itself: those stay its.
  if (!/^\/(api|v3)\//.test(pathname) || pathname.endsWith('/') || /%2e|\/\.\.?(\/|$)/i.test(pathname) || serves(pathname)) return false;
  sendAnswer(response, answer(errorBody('NotFound', 'There is no such endpoint.'), statusOf('NotFound')));
  return true;
}
