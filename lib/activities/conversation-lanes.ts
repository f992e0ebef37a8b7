// Activities for one conversation that arrive while one of its statements is running wait in the
// conversation's lane and then go together, in arrival order, in one transaction: one commit (one
// WAL flush) for the group instead of one each, and no pool connection left waiting on the
// conversation's row lock. A burst of 50 messages into one conversation took 50 commits in a row
// (docs/performance.md). Each statement of the group is the one an activity would run alone, so
// seqs, events and summaries are what they would be one at a time; nothing is answered before the
// group has committed.
import type pg from 'pg';
import { logger } from '../log/logger';
import { pgTransaction } from '../db/pg-transaction';

/** The statement one activity runs (with its values), answering its row or none. */
export type LaneStatement<Row> = (client: pg.ClientBase | pg.Pool) => Promise<Row | null>;

interface Waiting<Row> {
  statement: LaneStatement<Row>;
  resolve(row: Row | null): void;
  reject(error: unknown): void;
}

/** At most this many activities share a transaction; the rest wait for the next one. */
const GROUP_LIMIT = 64;
const GROUP_TIMEOUT_MS = 30_000;

export class ConversationLanes<Row> {
  private readonly lanes = new Map<string, Waiting<Row>[]>();

  constructor(private readonly pool: pg.Pool) {}

  /** Runs `statement` now when the conversation's lane is free, or with the next group otherwise. */
  run(conversationKey: string, statement: LaneStatement<Row>): Promise<Row | null> {
    const lane = this.lanes.get(conversationKey);
    if (lane) return new Promise((resolve, reject) => lane.push({ statement, resolve, reject }));
    this.lanes.set(conversationKey, []);
    return statement(this.pool).finally(() => this.next(conversationKey));
  }

  private next(conversationKey: string): void {
    const lane = this.lanes.get(conversationKey)!;
    if (lane.length === 0) {
      this.lanes.delete(conversationKey);
      return;
    }
    const group = lane.splice(0, GROUP_LIMIT);
    void this.runGroup(group).finally(() => this.next(conversationKey));
  }

  private async runGroup(group: Waiting<Row>[]): Promise<void> {
    if (group.length > 1) {
      try {
        const rows = await pgTransaction(
          this.pool,
          async ({ client }) => {
            const answered: (Row | null)[] = [];
            for (const waiting of group) answered.push(await waiting.statement(client));
            return answered;
          },
          { timeoutMs: GROUP_TIMEOUT_MS },
        );
        group.forEach((waiting, i) => waiting.resolve(rows[i]!));
        return;
      } catch (error) {
        // One of them failed (a replayed dedupe key, the database briefly gone): nothing of the group
        // was stored, and each now runs on its own and answers for itself.
        logger.debug({ err: error, size: group.length }, 'activity group rolled back; storing one by one');
      }
    }
    for (const waiting of group) await waiting.statement(this.pool).then(waiting.resolve, waiting.reject);
  }
}
