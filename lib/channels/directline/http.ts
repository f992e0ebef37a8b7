// Direct Line's HTTP edge: who calls, and how the protocol words its errors.
import type { WireCodes } from '../../http/error-status';
import type { Answer, HeaderReader, Incoming } from '../../http/incoming';
import { handle, handleIncoming } from '../../http/respond';
import type { ErrorCode } from '../../shared/error-codes';
import { authenticate, type DirectLineCaller } from './credentials';
import { directLineKeys } from './keys';

export async function directLineCaller(request: { headers: HeaderReader }): Promise<DirectLineCaller> {
  return authenticate(await directLineKeys(), request.headers.get('authorization'));
}

const AS_BAD_ARGUMENT: ReadonlySet<ErrorCode> = new Set(['Unauthorized', 'Forbidden', 'NotFound']);

/**
 * Direct Line words a refused credential, a conversation the caller may not use and one it does not
 * know as `BadArgument` (the status tells them apart); its other codes (TokenExpired …) are ours.
 */
export const directLineWireCodes: WireCodes = (code) => (AS_BAD_ARGUMENT.has(code) ? 'BadArgument' : code);

/** `handle` for a Direct Line route. */
export const handleDirectLine = <Args extends unknown[]>(fn: (request: Request, ...args: Args) => Promise<Response>) => handle(fn, directLineWireCodes);

/** `handleIncoming` for a Direct Line route the custom server may answer. */
export const handleDirectLineIncoming = <Args extends unknown[]>(fn: (incoming: Incoming, ...args: Args) => Promise<Answer>) =>
  handleIncoming(fn, directLineWireCodes);
