// Bot Connector API v3 served by the console: bots, relays and contact centres that speak it post
// into conversations here (seed 000's custom channel uses the same shapes).
import { randomBytes, randomUUID } from 'node:crypto';
import { applyChannelEdit } from '../../activities/channel-edits';
import { receiveCustomerActivity } from '../../activities/receive-customer-activity';
import { hasContent, receiveWithContent } from '../../activities/receive-with-content';
import { surveyAnswerOf } from '../../protocol/survey';
import { submittedCardOf } from '../../protocol/card-submit';
import { baseContentType, isAllowedUploadType } from '../../attachments/allowed-types';
import { MAX_ATTACHMENT_BYTES, storeAttachment } from '../../attachments/store-attachment';
import { publicUrl } from '../../config/env';
import { customerLeft } from '../../conversations/customer-left';
import { defaultChannelId } from '../../conversations/defaults';
import { isLifecycleEventName } from '../../conversations/lifecycle';
import { openConversation } from '../../conversations/open-conversation';
import { db as defaultDb, type Db } from '../../db/client';
import type { Prisma } from '../../db/generated/client';
import { AppError, badRequest, notFound, tooLarge } from '../../errors/app-error';
import type { WireActivity } from '../../protocol/activity';
import type { AttachmentData, ConversationParameters } from '../../protocol/connector';
import { publishTyping } from '../../realtime/publish-typing';
import { customerTypingToBot } from '../../conversations/bot/customer-typing';
import { relayChannelId } from '../custom-webhook/relay';
import { connectorMedia } from './media';
import { channelTimestamp } from '../../activities/timestamp';
import { isFromBot, receiveFromBot } from '../../conversations/bot/bot-speaks';
import { HANDOFF_INITIATE, handOff } from '../../conversations/bot/hand-off';

const EVENT_TEXT = /^EventName: \*\*_(\w+)_\*\*$/;

/** A conversation of the Connector channel by the id we handed out, or any conversation by our id (relays). */
async function findConversation(db: Db, conversationId: string) {
  const channelId = await defaultChannelId(db, 'connector');
  const include = { botChannel: { select: { name: true } } };
  const conversation =
    (await db.conversation.findUnique({ where: { channelId_externalId: { channelId, externalId: conversationId } }, include })) ??
    (await db.conversation.findUnique({ where: { id: conversationId }, include }));
  if (!conversation) throw notFound(`Conversation ${conversationId} not found.`, 'ConversationNotFound');
  return conversation;
}

/** POST /v3/conversations */
export async function createConversation(params: ConversationParameters, db: Db = defaultDb()) {
  const customer = params.members?.find((member) => member.role !== 'bot') ?? params.members?.[0];
  // Seed 000: the conversation id a custom channel gets is a GUID.
  const externalId = randomUUID();
  const opened = await openConversation(db, {
    channel: 'connector',
    id: externalId,
    externalId,
    customerId: customer?.id ?? null,
    customerName: customer?.name ?? params.topicName ?? null,
    serviceUrl: publicUrl(),
    channelData: { bot: params.bot ?? null, isGroup: params.isGroup ?? false, tenantId: params.tenantId ?? null, topicName: params.topicName ?? null } as Prisma.InputJsonObject,
    outboundChannelId: await relayChannelId(db),
  });
  for (const member of params.members ?? []) {
    if (!member.id) continue;
    await db.participant.upsert({
      where: { conversationId_accountId: { conversationId: opened.id, accountId: member.id } },
      update: {},
      create: { conversationId: opened.id, accountId: member.id, name: member.name ?? null, role: member.role ?? 'user', aadObjectId: member.aadObjectId ?? null },
    });
  }
  const first = params.activity ? await postConnectorActivity(externalId, params.activity, undefined, db) : null;
  return { id: externalId, ...(first && { activityId: first.id }), serviceUrl: publicUrl() };
}

/** POST .../activities and .../activities/{replyToId}: a message, typing, or a lifecycle event. */
export async function postConnectorActivity(conversationId: string, activity: WireActivity, replyToId?: string, db: Db = defaultDb()) {
  const conversation = await findConversation(db, conversationId);
  // The conversation's bot (issue 19): a handoff, whoever the SDK names as its sender, or the bot speaking.
  if (activity.type === 'event' && activity.name === HANDOFF_INITIATE) return handOff(conversation.id, activity, db);
  if (isFromBot(conversation, activity)) return receiveFromBot(conversation, activity, replyToId ?? activity.replyToId ?? null, db);
  if (activity.type === 'typing') {
    await publishTyping({ conversationId: conversation.id, author: 'customer', name: activity.from?.name ?? conversation.customerName ?? 'Customer' }, db);
    await customerTypingToBot(conversation.id, db);
    return { id: `typing-${randomBytes(6).toString('hex')}` };
  }
  if (activity.type === 'endOfConversation' || removesCustomer(activity, conversation.customerId)) {
    await customerLeft({ conversationId: conversation.id }, db);
    return { id: randomUUID() };
  }
  // Seed 000 also sends lifecycle events as messages whose text is `EventName: **_Name_**`.
  const eventName = activity.name ?? EVENT_TEXT.exec(activity.text ?? '')?.[1];
  const isEvent = activity.type === 'event' || (eventName !== undefined && isLifecycleEventName(eventName));
  const { media, others } = isEvent ? { media: [], others: [] } : connectorMedia(activity, {});
  const content = { media, card: isEvent ? null : submittedCardOf(activity) };
  const input = {
    type: isEvent ? 'event' : activity.type,
    dedupeKey: activity.id ? `connector:${conversation.id}:${activity.id}` : null,
    externalId: activity.id ?? null,
    fromId: activity.from?.id ?? null,
    fromName: activity.from?.name ?? null,
    fromRole: activity.from?.role ?? 'user',
    text: isEvent ? null : (activity.text ?? null),
    textFormat: activity.textFormat ?? null,
    locale: activity.locale ?? null,
    name: isEvent ? (eventName ?? null) : (activity.name ?? null),
    replyToId: replyToId ?? activity.replyToId ?? null,
    timestamp: channelTimestamp(activity.timestamp),
    raw: (media.length > 0 ? { ...activity, attachments: others } : activity) as Prisma.InputJsonObject,
    surveyAnswer: isEvent ? null : surveyAnswerOf(activity),
  };
  const received = hasContent(content) ? await receiveWithContent(conversation.id, input, content, db) : await receiveCustomerActivity(conversation.id, input, db);
  return { id: received.id };
}

/** A `conversationUpdate` whose `membersRemoved` names the conversation's customer. */
function removesCustomer(activity: WireActivity, customerId: string | null): boolean {
  if (activity.type !== 'conversationUpdate' || !customerId) return false;
  return (activity.membersRemoved ?? []).some((member) => member.id === customerId);
}

/** PUT .../activities/{id}: the caller revises an activity it posted. */
export async function updateConnectorActivity(conversationId: string, activityId: string, activity: WireActivity, db: Db = defaultDb()) {
  const conversation = await findConversation(db, conversationId);
  const found = await applyChannelEdit({ conversationId: conversation.id, externalId: activityId, change: { kind: 'edit', text: activity.text ?? null, raw: activity } }, db);
  if (!found) throw notFound('Activity not found.', 'ActivityNotFound');
  return { id: activityId };
}

/** DELETE .../activities/{id}: a soft delete; the text stays for supervisors. */
export async function deleteConnectorActivity(conversationId: string, activityId: string, db: Db = defaultDb()) {
  const conversation = await findConversation(db, conversationId);
  const found = await applyChannelEdit({ conversationId: conversation.id, externalId: activityId, change: { kind: 'delete' } }, db);
  if (!found) throw notFound('Activity not found.', 'ActivityNotFound');
}

export async function conversationMembers(conversationId: string, db: Db = defaultDb()) {
  const conversation = await findConversation(db, conversationId);
  const members = await db.participant.findMany({ where: { conversationId: conversation.id }, orderBy: { createdAt: 'asc' } });
  if (members.length === 0 && conversation.customerId) return [{ id: conversation.customerId, name: conversation.customerName ?? undefined, role: 'user' }];
  return members.map((member) => ({ id: member.accountId, ...(member.name && { name: member.name }), ...(member.role && { role: member.role }), ...(member.aadObjectId && { aadObjectId: member.aadObjectId }) }));
}

/** POST .../activities/history: a transcript imported in one go. */
export async function importHistory(conversationId: string, activities: WireActivity[], db: Db = defaultDb()) {
  let last = '';
  for (const activity of activities) last = (await postConnectorActivity(conversationId, activity, undefined, db)).id;
  return { id: last || conversationId };
}

function decodeBase64(value: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/=\s_-]*$/.test(value)) throw badRequest('BadArgument', `${what} is not base64.`);
  return Buffer.from(value, 'base64');
}

/** POST .../attachments: AttachmentData → `{id}`. */
export async function uploadConnectorAttachment(conversationId: string, data: AttachmentData, db: Db = defaultDb()) {
  const conversation = await findConversation(db, conversationId);
  const contentType = baseContentType(data.type);
  if (!isAllowedUploadType(contentType)) throw new AppError('UnsupportedMediaType', `Files of type ${contentType} are not accepted.`);
  const original = decodeBase64(data.originalBase64, 'originalBase64');
  if (original.length > MAX_ATTACHMENT_BYTES) throw tooLarge('The attachment is larger than 25 MB.', 'FileTooLarge');
  const thumbnailBytes = data.thumbnailBase64 ? decodeBase64(data.thumbnailBase64, 'thumbnailBase64') : null;
  const stored = await storeAttachment({ conversationId: conversation.id, bytes: original, contentType, name: data.name }, db);
  if (thumbnailBytes) {
    try {
      const thumbnail = await storeAttachment({ conversationId: conversation.id, bytes: thumbnailBytes, contentType, name: data.name }, db);
      await db.attachment.update({ where: { id: thumbnail.id }, data: { thumbnailOfId: stored.id } });
    } catch (error) {
      // Both views or neither.
      await db.attachment.delete({ where: { id: stored.id } });
      throw error;
    }
  }
  return { id: stored.id };
}

/** GET /v3/attachments/{id}: its name, type and views. */
export async function attachmentInfo(attachmentId: string, db: Db = defaultDb()) {
  const attachment = await db.attachment.findFirst({
    where: { id: attachmentId, thumbnailOfId: null },
    select: { name: true, contentType: true, size: true, thumbnails: { select: { size: true }, take: 1 } },
  });
  if (!attachment) throw notFound('Attachment not found.', 'AttachmentNotFound');
  return {
    name: attachment.name ?? 'attachment',
    type: attachment.contentType,
    views: [{ viewId: 'original', size: attachment.size }, ...attachment.thumbnails.map((thumbnail) => ({ viewId: 'thumbnail', size: thumbnail.size }))],
  };
}

/** The id of the stored file behind a view (`original` or `thumbnail`). */
export async function attachmentViewId(attachmentId: string, viewId: string, db: Db = defaultDb()): Promise<string> {
  if (viewId === 'original') {
    const original = await db.attachment.findFirst({ where: { id: attachmentId, thumbnailOfId: null }, select: { id: true } });
    if (original) return original.id;
  } else if (viewId === 'thumbnail') {
    const thumbnail = await db.attachment.findFirst({ where: { thumbnailOfId: attachmentId }, select: { id: true } });
    if (thumbnail) return thumbnail.id;
  }
  throw notFound('Attachment view not found.', 'AttachmentNotFound');
}
