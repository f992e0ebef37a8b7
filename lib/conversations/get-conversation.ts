import { db as defaultDb, type Db } from '../db/client';
import { attachmentRefs, conversationRefs, toActivityView, toConversationSummary } from '../views/map';
import type { TranscriptPage } from '../protocol/console';
import type { ConversationSummary } from '../views/types';
import type { ActingViewer } from './agent';
import { loadVisibleConversation } from './visible-conversation';

export async function getConversation(conversationId: string, viewer: ActingViewer, db: Db = defaultDb()): Promise<ConversationSummary> {
  return toConversationSummary(await loadVisibleConversation(db, conversationId, viewer, conversationRefs));
}

/** One page of a transcript in `seq` order, ending just before `before` (or at the newest). */
export async function getTranscript(
  input: { conversationId: string; before?: number; limit?: number; withPreviousText?: boolean },
  db: Db = defaultDb(),
): Promise<TranscriptPage> {
  const limit = input.limit ?? 50;
  const rows = await db.activity.findMany({
    where: { conversationId: input.conversationId, ...(input.before !== undefined && { seq: { lt: input.before } }) },
    orderBy: { seq: 'desc' },
    take: limit + 1,
    include: attachmentRefs,
  });
  const page = rows.slice(0, limit).reverse();
  return {
    items: page.map((row) => ({ ...toActivityView(row), ...(input.withPreviousText && { previousText: row.previousText }) })),
    olderCursor: rows.length > limit && page[0] ? page[0].seq : null,
  };
}
