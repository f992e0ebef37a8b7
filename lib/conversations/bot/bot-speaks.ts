// The bot speaks through the Connector API (CONTRACT.md "A bot answers first"): its messages are
// stored as the bot's outbound activities and reach the customer's own channel exactly like a rep's
// (the outbound channel's outbox, or the transcript a Direct Line client reads), checked against that
// channel's rules like a rep's (WhatsApp refuses Adaptive Cards, say): the bot hears the same 4xx.
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client';
import { transaction } from '../../db/transaction';
import { publishTyping } from '../../realtime/publish-typing';
import { typingToOutboundChannel } from '../../outbound/send-typing';
import { botResolved } from './bot-resolved';
import type { Conversation, Prisma } from '../../db/generated/client';
import { insertActivity } from '../../activities/new-activity';
import { planMessageParts, type MessageContent } from '../../activities/message-parts';
import { cardAttachmentsOf, suggestedActionsOf } from '../../protocol/rich-content';
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
  return transaction(db, async (tx) => {
    const stored = await storeBotActivity(tx, conversation, activity, replyToId);
    if (activity.type === 'endOfConversation') await botResolved(tx, conversation.id, 'ended');
    return stored;
  });
}

type BotConversation = Pick<Conversation, 'id' | 'channelId' | 'externalId' | 'customerId' | 'outboundChannelId' | 'channelData' | 'lastInboundAt'>;

/** A bot's message as the channel rules see a rep's (its files are links, not the console's uploads). */
const contentOf = (activity: WireActivity): MessageContent => ({
  text: activity.text ?? '',
  attachmentIds: [],
  suggestedActions: suggestedActionsOf(activity),
  cards: cardAttachmentsOf(activity).map((card) => card.content),
});

/** A message (or card, or event the customer's client shows) from the bot, stored and sent on in the caller's transaction. */
export async function storeBotActivity(tx: Tx, conversation: BotConversation, activity: WireActivity, replyToId: string | null): Promise<{ id: string }> {
  const dedupeKey = activity.id ? `bot:${conversation.id}:${activity.id}` : null;
  if (dedupeKey) {
    const previous = await tx.activity.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (previous) return previous;
  }
  // Refused as a rep's would be; not split: the bot chose its messages.
  if (activity.type === 'message') await planMessageParts(tx, conversation, contentOf(activity));
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
    raw: { ...activity, from: { ...activity.from, role: 'bot' } } as Prisma.InputJsonObject,
    deliveryState: initialDeliveryState(conversation),
  });
  await routeOutbound(tx, conversation, stored.id);
  if (activity.type === 'message') {
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { lastActivityAt: stored.createdAt, lastText: activity.text ? activity.text.slice(0, PREVIEW_CHARS) : activity.attachments?.length ? '🃏 Card' : null },
    });
  }
  await publishConversationChange(tx, conversation.id, [await tx.activity.findUniqueOrThrow({ where: { id: stored.id }, include: attachmentRefs })]);
  return { id: stored.id };
}
