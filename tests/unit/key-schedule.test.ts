// The signing keys' calendar: which key signs, which are published, when a rotation is due and when
// a key retires (lib/bot/key-schedule.ts; the HTTP behaviour is tests/integration/bot-issuer.test.ts).
import { describe, expect, it } from 'vitest';
import { BOT_CLOCK_TOLERANCE_SECONDS, CHANNEL_TOKEN_TTL_SECONDS, keyStateOf, publishedKeysOf, retiredKeysOf, rotationDue, rotationTimes, signingKeyOf, type KeyTimes } from '@/lib/bot/key-schedule';

const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const DAY = 86_400;

describe('signing key schedule', () => {
  const first: KeyTimes = { kid: 'k1', generation: 1, activatesAt: at(0), retiresAt: null };

  it('a rotation publishes the new key before it signs and keeps the old one until its last token has expired', () => {
    const times = rotationTimes(at(30 * DAY), 3600);
    expect(times.activatesAt).toEqual(at(30 * DAY + 3600));
    // The last token the old key signs (just before activation) lives its lifetime, plus the bots' tolerance.
    expect(times.retiresAt.getTime() - times.activatesAt.getTime()).toBeGreaterThan((CHANNEL_TOKEN_TTL_SECONDS + BOT_CLOCK_TOLERANCE_SECONDS) * 1000);
    const old = { ...first, retiresAt: times.retiresAt };
    const fresh: KeyTimes = { kid: 'k2', generation: 2, activatesAt: times.activatesAt, retiresAt: null };
    const keys = [old, fresh];

    const beforeActivation = at(30 * DAY + 60);
    expect(signingKeyOf(keys, beforeActivation)?.kid).toBe('k1');
    expect(publishedKeysOf(keys, beforeActivation).map((key) => key.kid)).toEqual(['k2', 'k1']);
    expect(keyStateOf(fresh, keys, beforeActivation)).toBe('pending');

    expect(signingKeyOf(keys, times.activatesAt)?.kid).toBe('k2');
    expect(keyStateOf(old, keys, times.activatesAt)).toBe('retiring');
    expect(publishedKeysOf(keys, times.activatesAt)).toHaveLength(2);

    expect(publishedKeysOf(keys, times.retiresAt).map((key) => key.kid)).toEqual(['k2']);
    expect(retiredKeysOf(keys, times.retiresAt).map((key) => key.kid)).toEqual(['k1']);
  });

  it('rotates automatically once the signing key has signed for the configured days, never while a new key waits', () => {
    expect(rotationDue([first], at(29 * DAY), 30)).toBe(false);
    expect(rotationDue([first], at(30 * DAY), 30)).toBe(true);
    const waiting: KeyTimes = { kid: 'k2', generation: 2, activatesAt: at(31 * DAY), retiresAt: null };
    expect(rotationDue([first, waiting], at(30 * DAY + 1), 30)).toBe(false);
    expect(rotationDue([], at(0), 30)).toBe(false);
  });
});
