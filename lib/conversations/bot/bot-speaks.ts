// The bot speaks through the Connector API (CONTRACT.md "A bot answers first"): its messages are
// stored as the bot's outbound activities and reach the customer's own channel exactly like a rep's
// (the outbound channel's outbox, or the transcript a Direct Line client reads), checked against that
// channel's rules like a rep's (WhatsApp refuses Adaptive Cards, say): the bot hears the same 4xx.
// Files it sends by link or as data URIs are fetched into the console's storage first, as a
// customer's are (decision 015), so every channel gets them the way it gets a rep's upload.
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client';
import { transaction } from '../../db/transaction';
import { publishTyping } from '../../realtime/publish-typing';
import { typingToOutboundChannel } from '../../outbound/send-typing';
import { botResolved } from './bot-resolved';
import type { Conversation, Prisma } from '../../db/generated/client';
import { insertActivity } from '../../activities/new-activity';
import { planMessageParts, type MessageContent } from '../../activities/message-parts';
import { cardAttachmentsOf, heroCardsOf, invalidHeroCards, suggestedActionsOf } from '../../protocol/rich-content';
import { discardFetched, storeInboundMedia, type StoredMedia } from '../../attachments/inbound-media';
import { splitAttachments, urlOrDataUri } from '../../attachments/linked-files';
import { withConsoleContent } from '../../protocol/console-content';
import { badRequest } from '../../errors/app-error';
import { initialDeliveryState, routeOutbound } from '../../outbound/route';
import type { WireActivity } from '../../protocol/activity';
import { attachmentRefs } from '../../views/map';
import { publishConversationChange } from '../publish';

const PREVIEW_CHARS = 280;

/** Whether a Connector post on this conversation comes from the bot that holds (or held) it. */
export function isFromBot(conversation: Pick<Conversation, 'state'> & { botChannel: { name: string } | null }, activity: WireActivity): boolean {
  if (!conversation.botChannel) return false;
  return activity.from?.id === conversation.botChannel.name || (conversation.state === 'bot' && activity.from?.role === 'bot');
}

/** What the bot posts: typing (shown like a rep's), a message or card, its end of the conversation (a bot-only resolution). */
export async function receiveFromBot(
  conversation: BotConversation,
  activity: WireActivity,
  replyToId: string | null,
  db: Db,
): Promise<{ id: string }> {
  if (activity.type === 'typing') {
    await publishTyping({ conversationId: conversation.id, author: 'agent', name: activity.from?.name ?? 'Bot' }, db);
    const outbound = conversation.outboundChannelId ? await db.channel.findUnique({ where: { id: conversation.outboundChannelId } }) : null;
    await typingToOutboundChannel(outbound, conversation);
    return { id: `typing-${randomBytes(6).toString('hex')}` };
  }
  const dedupeKey = dedupeKeyOf(conversation, activity);
  if (dedupeKey) {
    // A replay is answered from the original without fetching its files again.
    const previous = await db.activity.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (previous) return previous;
  }
  const invalid = invalidHeroCards(activity);
  if (invalid.length > 0) throw badRequest('BadArgument', `A hero or thumbnail card does not fit the Bot Framework schema: ${invalid.join(' | ')}.`);
  const { media, others } = activity.type === 'message' ? splitAttachments(activity, urlOrDataUri) : { media: [], others: activity.attachments ?? [] };
  const files = media.length > 0 ? await storeInboundMedia(conversation.id, media, db) : NO_FILES;
  try {
    return await transaction(db, async (tx) => {
      const stored = await storeBotActivity(tx, conversation, { ...activity, ...(activity.attachments && { attachments: others }) }, replyToId, files);
      if (activity.type === 'endOfConversation') await botResolved(tx, conversation.id, 'ended');
      return stored;
    });
  } catch (error) {
    await discardFetched(files.fetchedIds, db);
    throw error;
  }
}

const NO_FILES: StoredMedia = { attachmentIds: [], fetchedIds: [], failures: [] };

const dedupeKeyOf = (conversation: Pick<Conversation, 'id'>, activity: WireActivity) => (activity.id ? `bot:${conversation.id}:${activity.id}` : null);

type BotConversation = Pick<Conversation, 'id' | 'channelId' | 'externalId' | 'customerId' | 'outboundChannelId' | 'channelData' | 'lastInboundAt'>;

/** A bot's message as the channel rules see a rep's (its files fetched into the console's storage). */
const contentOf = (activity: WireActivity, attachmentIds: string[]): MessageContent => ({
  text: activity.text ?? '',
  attachmentIds,
  suggestedActions: suggestedActionsOf(activity),
  cards: cardAttachmentsOf(activity).map((card) => card.content),
  heroCards: heroCardsOf(activity).map((card) => card.content),
});

/** A message (or card, or event the customer's client shows) from the bot, stored and sent on in the caller's transaction. */
export async function storeBotActivity(tx: Tx, conversation: BotConversation, activity: WireActivity, replyToId: string | null, files: StoredMedia = NO_FILES): Promise<{ id: string }> {
  const dedupeKey = dedupeKeyOf(conversation, activity);
  if (dedupeKey) {
    const previous = await tx.activity.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (previous) return previous;
  }
  // Refused as a rep's would be; not split: the bot chose its messages.
  if (activity.type === 'message') {
    const parts = await planMessageParts(tx, conversation, contentOf(activity, files.attachmentIds));
    if (parts.filter((part) => part.attachmentIds.length > 0).length > 1) {
      throw badRequest('BadAttachment', "The customer's channel takes one file per message: send each file as an activity of its own.");
    }
  }
  // Nothing left to send (its only file could not be had): kept for the rep with the reason, not sent.
  const empty = activity.type === 'message' && !activity.text && files.attachmentIds.length === 0 && (activity.attachments?.length ?? 0) === 0 && files.failures.length > 0;
  const stored = await insertActivity(tx, conversation.id, {
    type: activity.type,
    direction: 'outbound',
    dedupeKey,
    externalId: activity.id ?? null,
    fromId: activity.from?.id ?? null,
    fromName: activity.from?.name ?? null,
    fromRole: 'bot',
    text: activity.text ?? null,
    textFormat: activity.textFormat ?? null,
    locale: activity.locale ?? null,
    name: activity.name ?? null,
    replyToId,
    // What the console learned (files it could not fetch) under its own key, whatever the bot put there.
    raw: withConsoleContent({ ...activity, from: { ...activity.from, role: 'bot' } }, files.failures.length > 0 ? { fetchFailures: files.failures } : undefined) as Prisma.InputJsonObject,
    deliveryState: empty ? 'failed' : initialDeliveryState(conversation),
    ...(empty && { deliveryError: `Nothing to send: ${files.failures.map((failure) => `couldn't fetch ${failure.name}: ${failure.reason}`).join('; ')}` }),
  });
  if (files.attachmentIds.length > 0) {
    await tx.attachment.updateMany({ where: { id: { in: files.attachmentIds }, conversationId: conversation.id, activityId: null }, data: { activityId: stored.id } });
  }
  if (!empty) await routeOutbound(tx, conversation, stored.id);
  if (activity.type === 'message') {
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { lastActivityAt: stored.createdAt, lastText: activity.text ? activity.text.slice(0, PREVIEW_CHARS) : activity.attachments?.length ? '🃏 Card' : files.attachmentIds.length > 0 ? '📎 Attachment' : null },
    });
  }
  await publishConversationChange(tx, conversation.id, [await tx.activity.findUniqueOrThrow({ where: { id: stored.id }, include: attachmentRefs })]);
  return { id: stored.id };
}
