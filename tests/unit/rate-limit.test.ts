import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createRateLimits } from '@/lib/http/rate-limit';

function request(url: string, options: { method?: string; authorization?: string; address?: string; forwardedFor?: string } = {}): IncomingMessage {
  return {
    url,
    method: options.method ?? 'POST',
    headers: { ...(options.authorization && { authorization: options.authorization }), ...(options.forwardedFor && { 'x-forwarded-for': options.forwardedFor }) },
    socket: { remoteAddress: options.address ?? '10.0.0.1' },
  } as unknown as IncomingMessage;
}

describe('per-caller rate limits', () => {
  it('lets a caller make its allowance per minute, then answers with the seconds to wait', async () => {
    const limits = createRateLimits({ perMinute: 3 });
    const call = () => limits.check(request('/v3/directline/conversations', { authorization: 'Bearer secret-a' }));
    for (let i = 0; i < 3; i++) expect(await call()).toEqual({ allowed: true });
    const refused = await call();
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts each credential, each address and each group of endpoints apart', async () => {
    const limits = createRateLimits({ perMinute: 1 });
    expect((await limits.check(request('/v3/directline/conversations/x/activities', { authorization: 'Bearer token-1' }))).allowed).toBe(true);
    expect((await limits.check(request('/v3/directline/conversations/x/activities', { authorization: 'Bearer token-1' }))).allowed).toBe(false);
    expect((await limits.check(request('/v3/directline/conversations/x/activities', { authorization: 'Bearer token-2' }))).allowed).toBe(true);
    // Same address, other endpoints: their own allowances.
    expect((await limits.check(request('/api/eventgrid/acs'))).allowed).toBe(true);
    expect((await limits.check(request('/api/eventgrid/acs'))).allowed).toBe(false);
    expect((await limits.check(request('/api/eventgrid/acs', { address: '10.0.0.2' }))).allowed).toBe(true);
    expect((await limits.check(request('/api/demo/token'))).allowed).toBe(true);
    expect((await limits.check(request('/api/console/auth/sign-in'))).allowed).toBe(true);
    expect((await limits.check(request('/api/console/auth/sign-in'))).allowed).toBe(false);
    expect((await limits.check(request('/v3/conversations', { authorization: 'Bearer static' }))).allowed).toBe(true);
    expect((await limits.check(request('/v3/attachments/a', { method: 'GET', authorization: 'Bearer static' }))).allowed).toBe(false);
  });

  it('leaves the console and pages alone', async () => {
    const limits = createRateLimits({ perMinute: 1 });
    for (let i = 0; i < 5; i++) {
      expect((await limits.check(request('/api/console/conversations', { method: 'GET' }))).allowed).toBe(true);
      expect((await limits.check(request('/demo', { method: 'GET' }))).allowed).toBe(true);
    }
  });

  it('trusts X-Forwarded-For only when told to', async () => {
    const direct = createRateLimits({ perMinute: 1 });
    expect((await direct.check(request('/api/demo/token', { forwardedFor: '1.1.1.1' }))).allowed).toBe(true);
    expect((await direct.check(request('/api/demo/token', { forwardedFor: '2.2.2.2' }))).allowed).toBe(false);
    const proxied = createRateLimits({ perMinute: 1, trustProxy: true });
    expect((await proxied.check(request('/api/demo/token', { forwardedFor: '1.1.1.1, 10.0.0.9' }))).allowed).toBe(true);
    expect((await proxied.check(request('/api/demo/token', { forwardedFor: '2.2.2.2' }))).allowed).toBe(true);
  });
});
