// Per-caller rate limits on the endpoints outside callers reach (channels, Direct Line clients,
// Event Grid, the demo token, sign-in). Checked by the custom server before Next.js sees the
// request (and the Direct Line stream's WebSocket upgrade). Counters are shared by all instances
// through PostgreSQL (lib/rate-limits/shared-counter.ts: counted in memory, flushed in batches,
// exact near the limit) so that N instances allow the limit once, not N times; without a store
// (unit tests) each process counts alone (rate-limiter-flexible's memory store).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { decodeJwt } from 'jose';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { SharedCounter, type CounterStore, type Verdict } from '../rate-limits/shared-counter';
import { errorBody } from '../protocol/error';
import { statusOf } from './error-status';

export interface RateLimitOptions {
  /** Requests each caller may make per minute on each group of endpoints. */
  perMinute: number;
  /** Take the client address from the first `X-Forwarded-For` entry (behind a trusted proxy). */
  trustProxy?: boolean;
  /** Counters shared by all instances (`postgresCounterStore`); without them, this process's memory alone. */
  shared?: { store: CounterStore; flushMs: number; onStoreError: (error: unknown) => void };
}

type KeyOf = (request: IncomingMessage, options: RateLimitOptions) => string;

interface Group {
  name: string;
  matches(path: string, method: string): boolean;
  key: KeyOf;
}

const sha = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

export function clientAddress(request: IncomingMessage, trustProxy = false): string {
  const forwarded = trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  return forwarded || request.socket.remoteAddress || 'unknown';
}

const byAddress: KeyOf = (request, options) => `ip:${clientAddress(request, options.trustProxy)}`;

function bearer(request: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function claims(token: string): Record<string, unknown> | null {
  try {
    return decodeJwt(token);
  } catch {
    return null;
  }
}

/** Direct Line: the secret or conversation token (hashed: keys never hold a credential); a stream's `t`. */
const byCredential: KeyOf = (request, options) => {
  const token = bearer(request) ?? new URL(request.url ?? '/', 'http://localhost').searchParams.get('t');
  return token ? `credential:${sha(token)}` : byAddress(request, options);
};

/** Bot Framework channels: the app and service URL the token names; the address when it names none. */
const byChannel: KeyOf = (request, options) => {
  const payload = claims(bearer(request) ?? '');
  const app = payload?.appid ?? payload?.azp ?? payload?.aud;
  if (typeof app !== 'string') return byAddress(request, options);
  return `channel:${sha(`${app}\n${String(payload?.serviceurl ?? '')}`)}`;
};

/** Connector callers: a JWT's issuer and subject, or the static token itself. */
const byConnectorIdentity: KeyOf = (request, options) => {
  const token = bearer(request);
  if (!token) return byAddress(request, options);
  const payload = claims(token);
  const who = payload ? `${String(payload.iss)}\n${String(payload.appid ?? payload.azp ?? payload.sub)}` : token;
  return `connector:${sha(who)}`;
};

const GROUPS: Group[] = [
  { name: 'directline', matches: (path) => path.startsWith('/v3/directline/'), key: byCredential },
  { name: 'connector', matches: (path) => /^\/v3\/(conversations|attachments)(\/|$)/.test(path), key: byConnectorIdentity },
  { name: 'messages', matches: (path) => path === '/api/messages', key: byChannel },
  { name: 'eventgrid', matches: (path) => path === '/api/eventgrid/acs', key: byAddress },
  { name: 'demo-token', matches: (path) => path === '/api/demo/token', key: byAddress },
  { name: 'sign-in', matches: (path, method) => path === '/api/console/auth/sign-in' && method === 'POST', key: byAddress },
];

export type Admission = Verdict;

export interface RateLimits {
  check(request: IncomingMessage): Promise<Admission>;
  /** Answers 429 and returns false when the caller is over its limit; true lets the request on. */
  admit(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Refuses a WebSocket upgrade with 429 when the caller is over its limit; true lets it on. */
  admitUpgrade(request: IncomingMessage, socket: Duplex): Promise<boolean>;
}

interface Counter {
  consume(key: string): Promise<Verdict>;
}

const WINDOW_MS = 60_000;

function memoryCounter(group: string, perMinute: number): Counter {
  const limiter = new RateLimiterMemory({ keyPrefix: group, points: perMinute, duration: WINDOW_MS / 1000 });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
  };
}

function counterFor(group: string, options: RateLimitOptions): Counter {
  if (!options.shared) return memoryCounter(group, options.perMinute);
  const counter = new SharedCounter(options.shared.store, { points: options.perMinute, windowMs: WINDOW_MS, flushMs: options.shared.flushMs, onStoreError: options.shared.onStoreError });
  return { consume: (key) => counter.consume(`${group}:${key}`) };
}

export function createRateLimits(options: RateLimitOptions): RateLimits {
  const counters = new Map(GROUPS.map((group) => [group.name, counterFor(group.name, options)]));
  const check = async (request: IncomingMessage): Promise<Admission> => {
    const path = (request.url ?? '/').split('?')[0]!;
    const group = GROUPS.find((candidate) => candidate.matches(path, request.method ?? 'GET'));
    if (!group) return { allowed: true };
    return counters.get(group.name)!.consume(group.key(request, options));
  };
  return {
    check,
    async admit(request, response) {
      const admission = await check(request);
      if (admission.allowed) return true;
      const { headers, body } = refusal(admission.retryAfterSeconds);
      response.writeHead(statusOf('TooManyRequests'), headers);
      response.end(body);
      return false;
    },
    async admitUpgrade(request, socket) {
      const admission = await check(request);
      if (admission.allowed) return true;
      const { headers, body } = refusal(admission.retryAfterSeconds);
      const lines = Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.end(`HTTP/1.1 ${statusOf('TooManyRequests')} Too Many Requests\r\n${lines.join('')}\r\n${body}`);
      return false;
    },
  };
}

function refusal(retryAfterSeconds: number) {
  return {
    headers: { 'Content-Type': 'application/json', 'Retry-After': String(retryAfterSeconds) },
    body: JSON.stringify(errorBody('TooManyRequests', `Too many requests; try again in ${retryAfterSeconds} s.`)),
  };
}

/** No limits (`RATE_LIMIT=0`). */
export const unlimited: RateLimits = { check: async () => ({ allowed: true }), admit: async () => true, admitUpgrade: async () => true };
