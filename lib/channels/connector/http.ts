import { handle } from '../../http/respond';
import { verifyConnectorCaller } from './caller-auth';

/** A Connector API route: the caller authenticated first; ids arrive percent-encoded (`19%3Aabc%40thread.skype`). */
export function connectorRoute<P extends Record<string, string>>(fn: (request: Request, params: P) => Promise<Response>) {
  return handle(async (request: Request, context?: { params?: Promise<P> }) => {
    await verifyConnectorCaller(request.headers.get('authorization'));
    const raw: Record<string, string> = (await context?.params) ?? {};
    const params = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, safeDecode(value)])) as P;
    return fn(request, params);
  });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
