import { errorResponse } from './respond';

/**
 * Every method of a path under /api that no route serves: the JSON error body the APIs promise,
 * not the console's HTML "not found" page. (Not under /v3: a catch-all there made Next.js take the
 * Direct Line stream's WebSocket upgrades.)
 */
export async function unknownRoute(): Promise<Response> {
  return errorResponse(404, 'NotFound', 'There is no such endpoint.');
}
