// Event ids come from a sequence, so they are contiguous, but transactions commit in any order: id
// 11 may be visible while 10 is still committing. Readers therefore deliver only a contiguous run
// of ids and wait at a gap; a gap that outlives GAP_WAIT_MS belongs to a transaction that rolled
// back (or died) and is skipped.

export const GAP_WAIT_MS = 1_000;

export interface Ordered {
  id: string;
}

/**
 * The events (sorted by id) that may be delivered after `lastId`, and whether a gap is being
 * waited for. `gapSince` is when the reader first saw the current gap (kept by the caller).
 */
export function contiguousRun<T extends Ordered>(
  lastId: bigint,
  events: T[],
  gapSince: number | null,
  now = Date.now(),
): { deliver: T[]; waiting: boolean } {
  const deliver: T[] = [];
  let expected = lastId + 1n;
  for (const event of events) {
    const id = BigInt(event.id);
    if (id !== expected && !(gapSince !== null && now - gapSince >= GAP_WAIT_MS && deliver.length === 0)) {
      return { deliver, waiting: true };
    }
    deliver.push(event);
    expected = id + 1n;
  }
  return { deliver, waiting: false };
}
