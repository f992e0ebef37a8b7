// Event ids come from a sequence, so they are contiguous, but transactions commit in any order: id
// 11 may be visible while 10 is still committing. Readers therefore deliver only a contiguous run
// of ids and wait at a gap; a missing id that stays missing for GAP_WAIT_MS belongs to a transaction
// that rolled back (or died) and is skipped. Each missing id has its own clock, started when a
// reader first noticed it: a burst of rolled-back ids is skipped after one wait, not one wait each.

export const GAP_WAIT_MS = 1_000;

export interface Ordered {
  id: string;
}

/** When each currently missing id was first noticed (kept by the reader across reads). */
export type MissingSince = Map<bigint, number>;

/** The events (sorted by id) that may be delivered after `lastId`, and whether a gap is being waited for. */
export function contiguousRun<T extends Ordered>(
  lastId: bigint,
  events: T[],
  missingSince: MissingSince,
  now = Date.now(),
): { deliver: T[]; waiting: boolean } {
  const deliver: T[] = [];
  let expected = lastId + 1n;
  let waiting = false;
  let delivered = lastId;
  for (const event of events) {
    const id = BigInt(event.id);
    // Every missing id in the batch starts its clock now, even past the first one still waited for.
    for (let missing = expected; missing < id; missing++) {
      const since = missingSince.get(missing) ?? now;
      missingSince.set(missing, since);
      if (now - since < GAP_WAIT_MS) waiting = true;
    }
    expected = id + 1n;
    if (waiting) continue;
    deliver.push(event);
    delivered = id;
  }
  for (const missing of missingSince.keys()) if (missing <= delivered) missingSince.delete(missing);
  return { deliver, waiting };
}
