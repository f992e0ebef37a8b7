import { describe, expect, it } from 'vitest';
import { contiguousRun, GAP_WAIT_MS } from '@/lib/realtime/event-order';

const events = (...ids: number[]) => ids.map((id) => ({ id: String(id) }));

describe('delivering event ids in order', () => {
  it('delivers a contiguous run', () => {
    expect(contiguousRun(10n, events(11, 12, 13), null)).toEqual({ deliver: events(11, 12, 13), waiting: false });
  });

  it('stops at a gap: a lower id may still be committing', () => {
    expect(contiguousRun(10n, events(11, 13, 14), null)).toEqual({ deliver: events(11), waiting: true });
    expect(contiguousRun(10n, events(12), null)).toEqual({ deliver: [], waiting: true });
  });

  it('skips a gap at the head once it has lasted long enough (a rolled-back transaction)', () => {
    const now = 50_000;
    expect(contiguousRun(10n, events(12, 13), now - 10, now)).toEqual({ deliver: [], waiting: true });
    expect(contiguousRun(10n, events(12, 13), now - GAP_WAIT_MS, now)).toEqual({ deliver: events(12, 13), waiting: false });
  });

  it('does not skip a second gap on the same old clock', () => {
    const now = 50_000;
    expect(contiguousRun(10n, events(12, 14), now - GAP_WAIT_MS, now)).toEqual({ deliver: events(12), waiting: true });
  });
});
