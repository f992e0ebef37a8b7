import type { z } from 'zod';
import {
  checkResponse,
  checkShape,
  pathOf,
  type BodyOf,
  type Endpoint,
  type PathParams,
  type QueryOf,
  type ResponseOf,
} from '@/lib/protocol/console';

/** An error answered by /api/console/*, with the server's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type JsonEndpoint = Endpoint & { response: Exclude<Endpoint['response'], 'bytes' | 'stream'> };

/** What a call of an endpoint takes: its path parameters, JSON body and query, each only where it has them. */
export type CallInput<E extends Endpoint> = (keyof PathParams<E> extends never ? { params?: never } : { params: PathParams<E> }) &
  (E['body'] extends Endpoint['body'] & object ? { body: BodyOf<E> } : { body?: never }) &
  (E['query'] extends object ? { query?: QueryOf<E> } : { query?: never });

type Args<E extends Endpoint> = object extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

/**
 * Calls a console endpoint (lib/protocol/console): the input is typed from its schemas, and outside
 * production the answer is checked against its response schema, so a drift between server and
 * browser fails loudly (`ContractDrift`) instead of rendering `undefined`.
 */
export function callConsole<E extends JsonEndpoint>(endpoint: E, ...[input]: Args<E>): Promise<ResponseOf<E>> {
  const { params, body, query } = (input ?? {}) as { params?: Record<string, string>; body?: unknown; query?: Record<string, unknown> };
  // Commands without a body still send `{}`: the console takes writes as application/json only.
  const sent = body ?? (endpoint.method === 'GET' ? undefined : {});
  return fetchJson(pathOf(endpoint, params, query), { method: endpoint.method, body: sent }).then((payload) =>
    checking() ? checkResponse(endpoint, payload) : (payload as ResponseOf<E>),
  );
}

/** Outside production, what the server sends is checked against the contract (read per call, so tests can switch it). */
const checking = () => process.env.NODE_ENV !== 'production';

/** A message of the realtime stream, checked like an answer outside production. */
export function consoleMessage<Schema extends z.ZodType>(schema: Schema, data: string, what: string): z.output<Schema> {
  const value: unknown = JSON.parse(data);
  return checking() ? checkShape(schema, value, what) : (value as z.output<Schema>);
}

export async function fetchJson(path: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
  });
  const payload = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) {
    throw new ApiError(response.status, payload?.error?.code ?? 'Error', payload?.error?.message ?? response.statusText);
  }
  return payload;
}
