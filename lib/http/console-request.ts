import 'server-only';
import { requireAgent } from '../auth/session-cookie';
import { publicUrl } from '../config/env';
import { AppError, forbidden } from '../errors/app-error';
import type { AgentView } from '../views/types';

/**
 * The signed-in agent behind a console API call. Writes must come from this origin (CSRF defence,
 * together with the SameSite=Lax session cookie): see `assertSameOrigin`. They must also be
 * `application/json` or carry `X-File-Name` (uploads), which a cross-site form cannot send without
 * a CORS preflight this API never grants.
 */
export async function consoleAgent(request: Request): Promise<AgentView> {
  if (isWrite(request)) {
    assertSameOrigin(request);
  }
  // Only POST can come from a cross-site form; PUT, PATCH and DELETE need a CORS preflight anyway.
  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/json') && !request.headers.has('x-file-name')) {
      throw new AppError('UnsupportedMediaType', 'Send the request as application/json.');
    }
  }
  return requireAgent();
}

const isWrite = (request: Request) => request.method !== 'GET' && request.method !== 'HEAD';

/**
 * Refuses (403 `CsrfRejected`) a browser request made by another site: `Sec-Fetch-Site` other than
 * `same-origin`/`none`, or an `Origin` that is neither `PUBLIC_URL`'s nor this request's host.
 * Requests with neither header come from programs, not browsers, and pass.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw csrf();
  const origin = request.headers.get('origin');
  if (origin === null) return;
  if (!allowedOrigins(request).has(origin.toLowerCase())) throw csrf();
}

function allowedOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(publicUrl()).origin.toLowerCase()]);
  const host = request.headers.get('host');
  if (host) for (const scheme of ['http', 'https']) origins.add(`${scheme}://${host}`.toLowerCase());
  return origins;
}

const csrf = () => forbidden('Cross-site requests may not change anything here.', 'CsrfRejected');
