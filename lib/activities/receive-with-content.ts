// The slower path of a customer activity that carries files or answers a card (plain text keeps
// the one-statement hot path, decision 005): its files are fetched and stored first, within a
// deadline (decision 006), the card it answers looked up, then it is stored with them. A replay is
// answered from the original without fetching anything again.
import { discardFetched, storeInboundMedia, type InboundMedia, type StoredMedia } from '../attachments/inbound-media';
import { db as defaultDb, type Db } from '../db/client';
import type { ConsoleContent } from '../protocol/console-content';
import type { SubmittedCard } from '../protocol/card-submit';
import { cardAnswerOf } from './card-answer';
import { receiveCustomerActivity, type InboundActivity, type ReceivedActivity } from './receive-customer-activity';

export interface ArrivingContent {
  media: InboundMedia[];
  card: SubmittedCard | null;
}

const NOTHING: StoredMedia = { attachmentIds: [], fetchedIds: [], failures: [] };

/** Whether an activity needs this path: the channel found files in it, or it answers a card. */
export const hasContent = (content: ArrivingContent) => content.media.length > 0 || content.card !== null;

export async function receiveWithContent(
  conversationId: string,
  input: InboundActivity,
  content: ArrivingContent,
  db: Db = defaultDb(),
  /** Files the channel stored beforehand (Direct Line uploads). */
  uploadedIds: string[] = [],
): Promise<ReceivedActivity> {
  if (input.dedupeKey) {
    const original = await db.activity.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true, seq: true } });
    if (original) return { ...original, duplicate: true };
  }
  const stored = content.media.length > 0 ? await storeInboundMedia(conversationId, content.media, db) : NOTHING;
  try {
    const learned: ConsoleContent = {
      ...(stored.failures.length > 0 && { fetchFailures: stored.failures }),
      ...(content.card && { cardAnswer: await cardAnswerOf(conversationId, content.card, db) }),
    };
    const received = await receiveCustomerActivity(
      conversationId,
      { ...input, content: Object.keys(learned).length > 0 ? learned : undefined },
      db,
      [...uploadedIds, ...stored.attachmentIds],
    );
    if (received.duplicate) await discardFetched(stored.fetchedIds, db);
    return received;
  } catch (error) {
    await discardFetched(stored.fetchedIds, db);
    throw error;
  }
}
