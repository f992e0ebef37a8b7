import { describe, expect, it } from 'vitest';
import { channelTimestamp } from '@/lib/activities/timestamp';

describe('a channel timestamp', () => {
  it('is the instant it names', () => {
    expect(channelTimestamp('2026-11-26T12:00:00.123Z')?.toISOString()).toBe('2026-11-26T12:00:00.123Z');
    expect(channelTimestamp('2026-11-26T13:00:00+01:00')?.toISOString()).toBe('2026-11-26T12:00:00.000Z');
  });

  it('is absent when missing or not a date (a hostile one once failed the whole POST with a 500)', () => {
    for (const text of [undefined, null, '', '../../etc/passwd', 'yesterday', '2026-13-45T99:99:99Z']) {
      expect(channelTimestamp(text)).toBeUndefined();
    }
  });
});
