import { describe, expect, it } from 'vitest';
import { BOT_FRAMEWORK_POLICY, CUSTOM_CHANNEL_POLICY, nextStep, retryAfterMs } from '@/lib/outbound/retry-policy';

const answered = (status: number, retryAfter?: string) => ({ kind: 'answered' as const, status, retryAfter });

describe('custom channel policy (seed 000)', () => {
  it('tries three times in all, 10 s each, then gives up with the reason', () => {
    expect(CUSTOM_CHANNEL_POLICY.timeoutMs).toBe(10_000);
    expect(nextStep(CUSTOM_CHANNEL_POLICY, answered(503), 1)).toEqual({ action: 'retry', delayMs: 1000 });
    expect(nextStep(CUSTOM_CHANNEL_POLICY, answered(503), 2)).toEqual({ action: 'retry', delayMs: 2000 });
    expect(nextStep(CUSTOM_CHANNEL_POLICY, answered(503), 3)).toEqual({ action: 'give-up', reason: 'Channel answered 503 (3 attempts)' });
    expect(nextStep(CUSTOM_CHANNEL_POLICY, { kind: 'timeout' }, 3)).toEqual({
      action: 'give-up',
      reason: 'Channel did not answer within 10 s (3 attempts)',
    });
  });

  it('retries any failure, network errors included, and succeeds on 2xx', () => {
    expect(nextStep(CUSTOM_CHANNEL_POLICY, answered(400), 1).action).toBe('retry');
    expect(nextStep(CUSTOM_CHANNEL_POLICY, { kind: 'network', message: 'ECONNREFUSED' }, 1).action).toBe('retry');
    expect(nextStep(CUSTOM_CHANNEL_POLICY, answered(202), 1)).toEqual({ action: 'done' });
  });

  it('honours Retry-After, capped', () => {
    expect(nextStep(CUSTOM_CHANNEL_POLICY, answered(429, '7'), 1)).toEqual({ action: 'retry', delayMs: 7000 });
    expect(nextStep(CUSTOM_CHANNEL_POLICY, answered(429, '86400'), 1)).toEqual({ action: 'retry', delayMs: 60_000 });
  });
});

describe('Bot Framework policy', () => {
  it('backs off exponentially on 412/502/503/504', () => {
    for (const status of [412, 502, 503, 504]) {
      expect(nextStep(BOT_FRAMEWORK_POLICY, answered(status), 1)).toEqual({ action: 'retry', delayMs: 1000 });
      expect(nextStep(BOT_FRAMEWORK_POLICY, answered(status), 3)).toEqual({ action: 'retry', delayMs: 4000 });
    }
  });

  it('honours 429 Retry-After, and backs off without one', () => {
    expect(nextStep(BOT_FRAMEWORK_POLICY, answered(429, '30'), 1)).toEqual({ action: 'retry', delayMs: 30_000 });
    expect(nextStep(BOT_FRAMEWORK_POLICY, answered(429), 2)).toEqual({ action: 'retry', delayMs: 2000 });
  });

  it('does not retry other 4xx or 500', () => {
    for (const status of [400, 401, 403, 404, 413, 500]) {
      expect(nextStep(BOT_FRAMEWORK_POLICY, answered(status), 1)).toEqual({ action: 'give-up', reason: `Channel answered ${status}; not retried` });
    }
  });

  it('stops after its attempts', () => {
    expect(nextStep(BOT_FRAMEWORK_POLICY, answered(503), BOT_FRAMEWORK_POLICY.maxAttempts).action).toBe('give-up');
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
