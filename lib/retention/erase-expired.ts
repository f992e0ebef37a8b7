// Retention of customers' conversations (issue 21): closed conversations past their queue's
// `retentionDays` (else CONVERSATION_RETENTION_DAYS; neither: kept forever) are erased as an
// administrator's erasure would (lib/erasure), a few per transaction with a pause between, so the
// pass never holds ingest up: an erasure locks only the conversations it deletes, which are closed.
import type { Db } from '../db/client';
import { expiredConversationIds } from '../db/sql/erasure';
import { eraseConversations } from '../erasure/erase-conversations';
import type { PruneOptions } from './prune-tables';

export async function eraseExpiredConversations(
  db: Db,
  options: Pick<PruneOptions, 'CONVERSATION_RETENTION_DAYS' | 'RETENTION_ERASE_BATCH' | 'PRUNE_PAUSE_MS'>,
  stopped: () => boolean,
  now: Date,
): Promise<number> {
  let total = 0;
  while (!stopped()) {
    const ids = await expiredConversationIds(db, now, options.CONVERSATION_RETENTION_DAYS ?? null, options.RETENTION_ERASE_BATCH);
    if (ids.length === 0) break;
    const erased = await eraseConversations(db, ids, { actor: 'system', action: 'retention.erase', target: 'retention' });
    total += erased.conversations;
    if (ids.length < options.RETENTION_ERASE_BATCH) break;
    await new Promise((resolve) => setTimeout(resolve, options.PRUNE_PAUSE_MS));
  }
  return total;
}
