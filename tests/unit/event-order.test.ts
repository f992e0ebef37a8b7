import { describe, expect, it } from 'vitest';
import { contiguousRun, GAP_WAIT_MS, type MissingSince } from '@/lib/realtime/event-order';

const events = (...ids: number[]) => ids.map((id) => ({ id: String(id) }));

describe('delivering event ids in order', () => {
  it('delivers a contiguous run', () => {
    expect(contiguousRun(10n, events(11, 12, 13), new Map())).toEqual({ deliver: events(11, 12, 13), waiting: false });
  });

  it('stops at a gap: a lower id may still be committing', () => {
    expect(contiguousRun(10n, events(11, 13, 14), new Map())).toEqual({ deliver: events(11), waiting: true });
    expect(contiguousRun(10n, events(12), new Map())).toEqual({ deliver: [], waiting: true });
  });

  it('skips a gap once it has lasted long enough (a rolled-back transaction)', () => {
    const missing: MissingSince = new Map();
    expect(contiguousRun(10n, events(12, 13), missing, 50_000)).toEqual({ deliver: [], waiting: true });
    expect(contiguousRun(10n, events(12, 13), missing, 50_000 + GAP_WAIT_MS - 1)).toEqual({ deliver: [], waiting: true });
    expect(contiguousRun(10n, events(12, 13), missing, 50_000 + GAP_WAIT_MS)).toEqual({ deliver: events(12, 13), waiting: false });
    expect(missing.size).toBe(0);
  });

  it('skips many gaps noticed together after one wait, not one wait each', () => {
    const missing: MissingSince = new Map();
    const ids = Array.from({ length: 200 }, (_, i) => 12 + i * 2); // 11, 13, 15, … are missing
    expect(contiguousRun(10n, events(...ids), missing, 1_000).deliver).toEqual([]);
    expect(contiguousRun(10n, events(...ids), missing, 1_000 + GAP_WAIT_MS)).toEqual({ deliver: events(...ids), waiting: false });
  });

  it('waits for a gap noticed later on its own clock', () => {
    const missing: MissingSince = new Map();
    contiguousRun(10n, events(12), missing, 0);
    // 13 arrived, 14 is missing (noticed now); 12 may go, 15 waits.
    expect(contiguousRun(10n, events(12, 13, 15), missing, GAP_WAIT_MS)).toEqual({ deliver: events(12, 13), waiting: true });
    expect(contiguousRun(13n, events(15), missing, 2 * GAP_WAIT_MS)).toEqual({ deliver: events(15), waiting: false });
  });
});
