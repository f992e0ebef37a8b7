import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertMayUse, authenticate, issueToken, type DirectLineKeys } from '@/lib/channels/directline/credentials';
import { AppError } from '@/lib/errors/app-error';
import { statusOf } from '@/lib/http/error-status';

const keys: DirectLineKeys = { secrets: ['s3cret', 'second-secret'], signingSecret: 'x'.repeat(40), tokenTtlSeconds: 600 };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('Direct Line credentials', () => {
  afterEach(() => vi.useRealTimers());

  it('recognises each configured secret', async () => {
    expect(await authenticate(keys, 'Bearer s3cret')).toEqual({ kind: 'secret' });
    expect(await authenticate(keys, 'bearer second-secret')).toEqual({ kind: 'secret' });
  });

  it('binds a token to its conversation and user', async () => {
    const { token, expiresIn } = await issueToken(keys, { conversationId: 'conv-1', userId: 'u1', userName: 'Una' });
    expect(expiresIn).toBe(600);
    const caller = await authenticate(keys, `Bearer ${token}`);
    expect(caller).toEqual({ kind: 'token', conversationId: 'conv-1', userId: 'u1', userName: 'Una' });
    expect(() => assertMayUse(caller, 'conv-1')).not.toThrow();
    expect(() => assertMayUse(caller, 'conv-2')).toThrow(AppError);
  });

  it('answers 403 TokenExpired for an expired token', async () => {
    const { token } = await issueToken({ ...keys, tokenTtlSeconds: -5 }, { conversationId: 'conv-1' });
    const error = await failure(authenticate(keys, `Bearer ${token}`));
    expect([statusOf(error.code), error.code]).toEqual([403, 'TokenExpired']);
  });

  it('refuses a token it accepted before once it has expired', async () => {
    const { token } = await issueToken({ ...keys, tokenTtlSeconds: 60 }, { conversationId: 'conv-ttl' });
    expect(await authenticate(keys, `Bearer ${token}`)).toMatchObject({ conversationId: 'conv-ttl' });
    expect(await authenticate(keys, `Bearer ${token}`)).toMatchObject({ conversationId: 'conv-ttl' });
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'] });
    const error = await failure(authenticate(keys, `Bearer ${token}`));
    expect([statusOf(error.code), error.code]).toEqual([403, 'TokenExpired']);
  });

  it('answers 401 for a missing header, an unknown secret, and a token signed with another key', async () => {
    const { token } = await issueToken({ ...keys, signingSecret: 'y'.repeat(40) }, { conversationId: 'c' });
    for (const header of [null, 'Basic abc', 'Bearer nope', `Bearer ${token}`]) {
      expect(statusOf((await failure(authenticate(keys, header))).code)).toBe(401);
    }
  });

  it('accepts no secret at all when none is configured', async () => {
    expect(statusOf((await failure(authenticate({ ...keys, secrets: [] }, 'Bearer s3cret'))).code)).toBe(401);
  });
});
