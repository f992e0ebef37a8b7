// The satisfaction survey, sent when an episode closes (CONTRACT.md "Satisfaction survey"): once per
// episode (SatisfactionSurvey is unique on conversation and episode), in the channel's own form
// (its adapter's `surveyMessage`), in the customer's language, through the outbox like a rep's
// message, in the closing transaction. Credited to the owner at close.
import type { Tx } from '../../db/client';
import type { Activity, Conversation, Prisma } from '../../db/generated/client';
import { insertActivity } from '../../activities/new-activity';
import { channelAdapter } from '../../channels/registry';
import { initialDeliveryState, routeOutbound } from '../../outbound/route';
import { ADAPTIVE_CARD_TYPE } from '../../protocol/rich-content';
import { SURVEY_KEY } from '../../protocol/survey';
import { hasCustomerLeft } from '../customer-left';
import { surveyTexts } from './survey-texts';

type ClosingConversation = Pick<Conversation, 'id' | 'episode' | 'queueId' | 'ownerId' | 'customerId' | 'outboundChannelId' | 'channelData' | 'lastInboundAt' | 'channelId'>;

/** Stores and queues the survey of the episode closing now; null when its queue asks none, the customer left, or the channel cannot take it. */
export async function sendSurvey(tx: Tx, conversation: ClosingConversation): Promise<Activity | null> {
  if (!conversation.queueId || !conversation.customerId || conversation.episode < 1) return null;
  const queue = await tx.queue.findUnique({ where: { id: conversation.queueId }, select: { surveyEnabled: true } });
  if (!queue?.surveyEnabled) return null;
  const key = { conversationId: conversation.id, episode: conversation.episode };
  if (await tx.satisfactionSurvey.findUnique({ where: { conversationId_episode: key }, select: { id: true } })) return null;
  // Nobody is there to answer (the customer closed the chat, or the channel removed them).
  if (await hasCustomerLeft(tx, conversation.id)) return null;
  // The channel that carries it to the customer: the outbound one (a custom channel relaying Direct Line, say), else the customer's own.
  const channel = await tx.channel.findUniqueOrThrow({ where: { id: conversation.outboundChannelId ?? conversation.channelId }, select: { kind: true } });
  const locale = await tx.activity.findFirst({
    where: { conversationId: conversation.id, direction: 'inbound', locale: { not: null } },
    orderBy: { seq: 'desc' },
    select: { locale: true },
  });
  const texts = surveyTexts(locale?.locale ?? null);
  const message = channelAdapter(channel.kind).surveyMessage(conversation, texts);
  if (!message) return null;
  const from = { id: 'console', role: 'bot' };
  const activity = await insertActivity(tx, conversation.id, {
    type: 'message',
    direction: 'outbound',
    dedupeKey: `survey:${conversation.id}:${conversation.episode}`,
    fromId: from.id,
    fromRole: 'agent',
    text: message.text,
    raw: {
      type: 'message',
      from,
      ...(message.text && { text: message.text }),
      ...(message.cards.length > 0 && { attachments: message.cards.map((content) => ({ contentType: ADAPTIVE_CARD_TYPE, content })) }),
      [SURVEY_KEY]: { ...texts },
    } as Prisma.InputJsonObject,
    deliveryState: initialDeliveryState(conversation),
  });
  await tx.satisfactionSurvey.create({ data: { ...key, queueId: conversation.queueId, ownerId: conversation.ownerId, activityId: activity.id } });
  await routeOutbound(tx, conversation, activity.id);
  return activity;
}
