// Activities for one conversation arriving while one of its statements runs go together in one
// transaction; a failure in a group stores each of the others on its own.
import { describe, expect, it } from 'vitest';
import { ConversationLanes, type LaneStatement } from '@/lib/activities/conversation-lanes';
import { db, sqlPool } from '@/lib/db/client';

type Row = { tx: string; n: number };

/** A statement answering its transaction id; the first sleeps so the others queue behind it. */
const statement =
  (n: number, { sleep = 0, fail = false } = {}): LaneStatement<Row> =>
  async (client) =>
    (await client.query<Row>(`SELECT txid_current()::text AS tx, $1::int / $2::int AS n, pg_sleep($3)`, [n, fail ? 0 : 1, sleep])).rows[0] ?? null;

describe('conversation lanes', () => {
  it('runs what queued behind a running statement as one transaction, in arrival order', async () => {
    const lanes = new ConversationLanes<Row>(sqlPool(db()));
    const first = lanes.run('c1', statement(0, { sleep: 0.3 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rest = [1, 2, 3, 4, 5].map((n) => lanes.run('c1', statement(n)));
    const rows = await Promise.all([first, ...rest]);
    expect(rows.map((row) => row!.n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(rows.slice(1).map((row) => row!.tx)).size).toBe(1);
    expect(rows[1]!.tx).not.toBe(rows[0]!.tx);
  });

  it('stores the others one by one when one of a group fails, and that one fails alone', async () => {
    const lanes = new ConversationLanes<Row>(sqlPool(db()));
    const first = lanes.run('c2', statement(0, { sleep: 0.3 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rest = [1, 2, 3].map((n) => lanes.run('c2', statement(n, { fail: n === 2 })).then((row) => row!, (error: Error) => error));
    await first;
    const [one, two, three] = await Promise.all(rest);
    expect(two).toBeInstanceOf(Error);
    expect((one as Row).n).toBe(1);
    expect((three as Row).n).toBe(3);
    expect((one as Row).tx).not.toBe((three as Row).tx);
  });

  it('never holds one conversation behind another', async () => {
    const lanes = new ConversationLanes<Row>(sqlPool(db()));
    const order: string[] = [];
    await Promise.all([
      lanes.run('slow', statement(1, { sleep: 0.3 })).then(() => order.push('slow')),
      lanes.run('fast', statement(2)).then(() => order.push('fast')),
    ]);
    expect(order).toEqual(['fast', 'slow']);
  });
});
