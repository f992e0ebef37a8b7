import { ZodError, type ZodType } from 'zod';
import { AppError } from '../errors/app-error';
import type { ErrorCode } from '../shared/error-codes';
import { statusOf, type WireCodes } from './error-status';
import { logger } from '../log/logger';
import { parseJsonText } from './parse-json';
import { answer, toResponse, type Answer, type Incoming } from './incoming';
import { readBytes } from './read-bytes';
import { errorBody } from '../protocol/error';

export function json(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, init);
}

/** An error answered outside `handle` (no AppError thrown): the status follows the code. */
export function errorResponse(code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(errorBody(code, message), { status: statusOf(code), headers });
}

/** For a method a route does not take (Next.js would answer an empty 405). */
export async function methodNotAllowed(): Promise<Response> {
  return errorResponse('MethodNotAllowed', 'This endpoint does not take that method.');
}

/**
 * Wraps a route handler: AppError → its code's status, ZodError → 400, anything else → logged 500.
 * `wireCodes` words the codes as the route's protocol does (Direct Line's `BadArgument`).
 */
export function handle<Args extends unknown[]>(
  fn: (request: Request, ...args: Args) => Promise<Response>,
  wireCodes?: WireCodes,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    try {
      return await fn(request, ...args);
    } catch (error) {
      return toResponse(errorAnswer(error, request, wireCodes));
    }
  };
}

/** `handle` for a handler written against `Incoming` and answering an `Answer` (either server may call it). */
export function handleIncoming<Args extends unknown[]>(
  fn: (incoming: Incoming, ...args: Args) => Promise<Answer>,
  wireCodes?: WireCodes,
): (incoming: Incoming, ...args: Args) => Promise<Answer> {
  return async (incoming, ...args) => {
    try {
      return await fn(incoming, ...args);
    } catch (error) {
      return errorAnswer(error, incoming, wireCodes);
    }
  };
}

/** The answer for an error: its code's status, the code as the protocol words it, the message. */
export function errorAnswer(error: unknown, request: { url: string; method: string }, wireCodes: WireCodes = (code) => code): Answer {
  const { code, message, retryAfterSeconds } = appErrorOf(error, request);
  return answer(errorBody(wireCodes(code), message), statusOf(code), retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) });
}

function appErrorOf(error: unknown, request: { url: string; method: string }): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError('BadArgument', describeZodError(error));
  if (isUnstorable(error)) return new AppError('BadArgument', 'The request holds text the console cannot store (a NUL character, an unpaired surrogate, or nesting too deep).');
  if (isUnavailable(error)) {
    logger.warn({ err: error, url: request.url }, 'database unavailable');
    return new AppError('ServiceUnavailable', 'The console is briefly unavailable; try again.', 2);
  }
  logger.error({ err: error, url: request.url, method: request.method }, 'unhandled error');
  return new AppError('InternalError', 'Something went wrong on our side.');
}

export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * PostgreSQL refusing the data itself: NUL in text (22021), in jsonb (22P05), jsonb nested too deep
 * (54001), an unpaired surrogate in jsonb. `parseJsonText` refuses these first; this catches the rest.
 */
function isUnstorable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Prisma puts the SQLSTATE in its message; plain pg errors carry it as `code`.
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && UNSTORABLE_CODES.includes(code)) || UNSTORABLE_MESSAGE.test(error.message);
}

const UNSTORABLE_CODES = ['22021', '22P05', '54001'];
const UNSTORABLE_MESSAGE = new RegExp(`\\b(${UNSTORABLE_CODES.join('|')})\\b|invalid input syntax for type json`);

function isUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ''}` : '';
  // Connection refused or lost, the server shutting down or starting up (57P01-57P03), connection
  // exceptions (class 08), too many connections (53300), Prisma's "can't reach" / "closed" (P1001, P1017).
  return /ECONNREFUSED|ECONNRESET|EPIPE|57P0[123]|\b08\d{3}\b|53300|P1001|P1017|terminating connection|Connection terminated|shutting down|starting up|DatabaseNotReachable/i.test(
    text,
  );
}

/** Reads the body as text, refusing more than `maxBytes` without buffering it all. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  return (await readBytes(request, maxBytes)).toString('utf8');
}

/** Parses a JSON body against a schema; an empty body parses as `undefined`. */
export async function readJson<T>(request: Request, schema: ZodType<T>, maxBytes = 1_000_000): Promise<T> {
  const text = await readText(request, maxBytes);
  return schema.parse(text.trim() === '' ? undefined : parseJsonText(text));
}
