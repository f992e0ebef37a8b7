// Rate limits across instances (issue 20): two app instances on one database, each allowing a caller
// 5 requests a minute, allow that caller 5 in total, not 10; the Direct Line stream's WebSocket
// upgrade and console sign-in count the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { db } from '@/lib/db/client';
import { startDirectLine } from '../support/clients';
import { startInstance, stopInstances } from '../support/second-instance';

const LIMIT = 5;
const errorBody = (code: string) => ({ error: { code, message: expect.any(String) } });

let instances: string[];
beforeAll(async () => {
  instances = await Promise.all([startInstance({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }), startInstance({ RATE_LIMIT_PER_MINUTE: String(LIMIT) })]);
}, 120_000);

afterAll(async () => {
  await stopInstances();
  await db().$disconnect();
});

/** The instance the n-th request goes to: round robin, as a load balancer would. */
const instance = (n: number) => instances[n % instances.length]!;

/** Opens the stream on one instance: the upgrade's HTTP status (101 when it opened). */
function openStream(url: string, streamUrl: string): Promise<{ status: number; retryAfter?: string; body?: string }> {
  const { pathname, search } = new URL(streamUrl);
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${pathname}${search}`);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      resolve({ status: 101 });
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body }));
    });
    ws.once('error', reject);
  });
}

describe('rate limits shared by two instances', () => {
  it('a Direct Line caller spread over both gets its allowance once, then 429 from either', { timeout: 60_000 }, async () => {
    const start = await startDirectLine({ id: 'shared-limit-user' });
    const send = (n: number) =>
      fetch(`${instance(n)}/v3/directline/conversations/${start.conversationId}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${start.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: 'shared-limit-user' }, text: `message ${n}` }),
      });
    for (let n = 0; n < LIMIT; n++) expect((await send(n)).status).toBe(200);
    for (const n of [LIMIT, LIMIT + 1]) {
      const refused = await send(n);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await refused.json()).toEqual(errorBody('TooManyRequests'));
    }
    // Another conversation's token has its own allowance, on both instances.
    const other = await startDirectLine({ id: 'another-user' });
    for (let n = 0; n < 2; n++) {
      const response = await fetch(`${instance(n)}/v3/directline/conversations/${other.conversationId}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: 'another-user' }, text: 'hello' }),
      });
      expect(response.status).toBe(200);
    }
  });

  it('console sign-in attempts from one address count across instances', { timeout: 60_000 }, async () => {
    const signIn = (n: number) =>
      fetch(`${instance(n)}/api/console/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@limits.test', password: 'wrong' }),
      });
    for (let n = 0; n < LIMIT; n++) expect((await signIn(n)).status).toBe(401);
    for (const n of [LIMIT, LIMIT + 1]) expect((await signIn(n)).status).toBe(429);
  });

  it('the Direct Line stream upgrade over its limit is refused with 429, whichever instance it reaches', { timeout: 60_000 }, async () => {
    const start = await startDirectLine({ id: 'stream-user' });
    for (let n = 0; n < LIMIT; n++) expect((await openStream(instance(n), start.streamUrl)).status).toBe(101);
    for (const n of [LIMIT, LIMIT + 1]) {
      const refused = await openStream(instance(n), start.streamUrl);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(refused.body ?? '')).toEqual(errorBody('TooManyRequests'));
    }
  });
});
