import 'server-only';
import { requireAgent } from '../auth/session-cookie';
import { AppError } from '../errors/app-error';
import type { AgentView } from '../views/types';

/**
 * The signed-in agent behind a console API call. Writes must be `application/json` or carry
 * `X-File-Name` (uploads): a cross-site form can send neither without a CORS preflight, which this
 * API never grants (CSRF defence, together with the SameSite=Lax session cookie).
 */
export async function consoleAgent(request: Request): Promise<AgentView> {
  // Only POST can come from a cross-site form; PUT, PATCH and DELETE need a CORS preflight anyway.
  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/json') && !request.headers.has('x-file-name')) {
      throw new AppError(415, 'UnsupportedMediaType', 'Send the request as application/json.');
    }
  }
  return requireAgent();
}
