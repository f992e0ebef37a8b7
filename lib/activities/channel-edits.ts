// What a channel reports about messages already in the transcript: edits, deletions, read receipts.
import { db as defaultDb, type Db } from '../db/client';
import { transaction } from '../db/transaction';
import { consoleContentOf, withConsoleContent } from '../protocol/console-content';
import { appendEvent } from '../realtime/event-log';
import { attachmentRefs, toActivityView } from '../views/map';

type Change = { kind: 'edit'; text: string | null; raw: object } | { kind: 'delete' } | { kind: 'undelete'; text?: string | null };

/** Applies an edit, soft delete or undelete to the activity the channel knows as `externalId` (or our id). */
export async function applyChannelEdit(
  input: { conversationId: string; externalId: string; change: Change },
  db: Db = defaultDb(),
): Promise<boolean> {
  return transaction(db, async (tx) => {
    const activity = await tx.activity.findFirst({
      where: { conversationId: input.conversationId, OR: [{ externalId: input.externalId }, { id: input.externalId }] },
    });
    if (!activity) return false;
    const { change } = input;
    const data =
      change.kind === 'edit'
        ? // What the console noted receiving the message stays; a caller cannot set it.
          { text: change.text, previousText: activity.text, editedAt: new Date(), raw: withConsoleContent(change.raw, consoleContentOf(activity.raw)) as object }
        : change.kind === 'delete'
          ? { deletedAt: new Date(), previousText: activity.text, text: null }
          : { deletedAt: null, text: change.text ?? activity.previousText, previousText: null };
    const updated = await tx.activity.update({ where: { id: activity.id }, data, include: attachmentRefs });
    await appendEvent(tx, { type: 'activity.updated', conversationId: input.conversationId, activity: toActivityView(updated) });
    return true;
  });
}

/**
 * A read receipt: every rep message up to the one the channel calls `lastReadMessageId` is Read.
 * Teams' message ids grow with time, so an id we do not know still orders against the ones we do.
 */
export async function markReadUpTo(input: { conversationId: string; lastReadMessageId: string }, db: Db = defaultDb()): Promise<number> {
  return transaction(db, async (tx) => {
    const sent = await tx.activity.findMany({
      where: { conversationId: input.conversationId, direction: 'outbound', externalId: { not: null }, deliveryState: { in: ['sent', 'delivered'] } },
      select: { id: true, externalId: true },
    });
    const limit = input.lastReadMessageId;
    const isRead = (externalId: string) =>
      /^\d+$/.test(externalId) && /^\d+$/.test(limit) ? BigInt(externalId) <= BigInt(limit) : externalId === limit;
    const ids = sent.filter((row) => isRead(row.externalId!)).map((row) => row.id);
    if (ids.length === 0) return 0;
    await tx.activity.updateMany({ where: { id: { in: ids } }, data: { deliveryState: 'read' } });
    const rows = await tx.activity.findMany({ where: { id: { in: ids } }, include: attachmentRefs });
    for (const row of rows) await appendEvent(tx, { type: 'activity.updated', conversationId: input.conversationId, activity: toActivityView(row) });
    return ids.length;
  });
}
