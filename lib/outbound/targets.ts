// Which sender and retry policy a delivery uses, decided by its channel's kind.
import { signedAttachmentUrl } from '../attachments/signed-url';
import { toCustomChannelActivity } from '../channels/custom-webhook/payload';
import { sendToCustomChannel } from '../channels/custom-webhook/sender';
import { activitiesUrl, customChannelSettings } from '../channels/custom-webhook/settings';
import type { Activity, Attachment, Channel, Conversation, DeliveryOperation } from '../db/generated/client';
import { botCredentials, replyUrl, reviseChannelActivity, sendChannelReply, toChannelReply } from '../channels/teams/reply';
import type { Db } from '../db/client';
import { acsSettings } from '../channels/whatsapp/acs-client';
import { sendWhatsApp, toNotification } from '../channels/whatsapp/send';
import { ACS_POLICY, BOT_FRAMEWORK_POLICY, CUSTOM_CHANNEL_POLICY, type AttemptOutcome, type RetryPolicy } from './retry-policy';

/** The attachment columns a delivery needs (never the bytes). */
export type AttachmentRef = Pick<Attachment, 'id' | 'name' | 'contentType' | 'size'>;

export interface DeliveryContext {
  operation: DeliveryOperation;
  channel: Pick<Channel, 'id' | 'kind' | 'name' | 'settings'>;
  activity: Activity & { attachments: AttachmentRef[]; conversation: Conversation };
}

/** What an answer changes on the conversation (Bot Framework channels), written with the attempt. */
export interface ConversationChange {
  blockedAt?: Date;
  serviceUrl?: string;
}

export type PreparedDelivery =
  | {
      ok: true;
      target: string;
      policy: RetryPolicy;
      send(): Promise<AttemptOutcome>;
      /** Channel-specific consequences of the answer, recorded in the delivery's transaction. */
      afterOutcome?(outcome: AttemptOutcome): ConversationChange | null;
    }
  | { ok: false; target: string; reason: string };

async function signedFiles(activity: DeliveryContext['activity']) {
  return Promise.all(
    activity.attachments.map(async (attachment) => ({
      contentType: attachment.contentType,
      contentUrl: await signedAttachmentUrl(attachment.id),
      name: attachment.name,
    })),
  );
}

/** `db` is only read (outside the delivery's transaction), for what the channel needs to know. */
export async function prepareDelivery(db: Db, { operation, channel, activity }: DeliveryContext): Promise<PreparedDelivery> {
  if (operation !== 'send' && channel.kind !== 'teams' && channel.kind !== 'connector') {
    return { ok: false, target: channel.kind, reason: `${channel.kind} channels take no edits or deletions` };
  }
  if (channel.kind === 'custom') {
    const settings = customChannelSettings(channel);
    if (!settings) return { ok: false, target: `custom:${channel.name}`, reason: 'The custom channel has no webhook configured' };
    const attachments = await signedFiles(activity);
    const payload = toCustomChannelActivity({
      activity,
      channelId: channel.id,
      conversationId: activity.conversation.externalId,
      attachments,
    });
    return {
      ok: true,
      target: activitiesUrl(settings, payload.conversation.id),
      policy: CUSTOM_CHANNEL_POLICY,
      send: () => sendToCustomChannel(settings, payload),
    };
  }
  if (channel.kind === 'teams' || channel.kind === 'connector') return prepareChannelReply(db, activity, operation);
  if (channel.kind === 'whatsapp') return prepareWhatsApp(activity);
  return { ok: false, target: channel.kind, reason: `Sending to ${channel.kind} channels is not available yet` };
}

async function prepareWhatsApp(activity: DeliveryContext['activity']): Promise<PreparedDelivery> {
  const settings = await acsSettings();
  const target = 'ACS /messages/notifications:send';
  if (!settings) return { ok: false, target, reason: 'WhatsApp is not configured (ACS_ENDPOINT, ACS_ACCESS_KEY, ACS_CHANNEL_ID)' };
  const to = activity.conversation.customerId;
  if (!to) return { ok: false, target, reason: 'The conversation has no WhatsApp number' };
  const [file] = await signedFiles(activity);
  const notification = toNotification(settings, to, activity, file ?? null);
  return { ok: true, target, policy: ACS_POLICY, send: () => sendWhatsApp(settings, notification, ACS_POLICY.timeoutMs) };
}

async function prepareChannelReply(db: Db, activity: DeliveryContext['activity'], operation: DeliveryOperation): Promise<PreparedDelivery> {
  const conversation = activity.conversation;
  const target = conversation.serviceUrl ?? 'Bot Framework channel';
  if (conversation.blockedAt) return { ok: false, target, reason: 'The customer has blocked the bot; nothing more is sent' };
  if (!conversation.serviceUrl) return { ok: false, target, reason: 'The conversation has no serviceUrl to reply to' };
  const credentials = await botCredentials();
  if (!credentials) return { ok: false, target, reason: 'No bot credentials are configured (BOT_APP_ID, BOT_APP_PASSWORD)' };
  const answered = await db.activity.findFirst({
    where: { conversationId: conversation.id, direction: 'inbound', type: 'message', externalId: { not: null }, seq: { lt: activity.seq } },
    orderBy: { seq: 'desc' },
    select: { externalId: true, locale: true },
  });
  const reply = toChannelReply({
    botId: credentials.clientId,
    activity,
    conversation,
    replyTo: answered?.externalId ? { id: answered.externalId, locale: answered.locale } : null,
    files: await signedFiles(activity),
  });
  const serviceUrl = conversation.serviceUrl;
  if (operation !== 'send') {
    // Revising what the channel already has: PUT or DELETE the activity by the channel's id for it.
    const channelActivityId = activity.externalId;
    if (!channelActivityId) return { ok: false, target, reason: 'The message never reached the channel, so it cannot be changed there' };
    const url = replyUrl(serviceUrl, conversation.externalId, channelActivityId);
    return {
      ok: true,
      target: url,
      policy: BOT_FRAMEWORK_POLICY,
      send: () => reviseChannelActivity(credentials, url, operation === 'update' ? { ...reply, id: channelActivityId } : null),
    };
  }
  let servedBy = serviceUrl;
  return {
    ok: true,
    target: replyUrl(serviceUrl, reply.conversation.id, reply.replyToId),
    policy: BOT_FRAMEWORK_POLICY,
    async send() {
      const result = await sendChannelReply(credentials, serviceUrl, reply);
      servedBy = result.servedBy;
      return result.outcome;
    },
    afterOutcome(outcome) {
      if (outcome.kind !== 'answered') return null;
      if (outcome.status === 403 && outcome.errorCode === 'ConversationBlockedByUser') return { blockedAt: new Date() };
      if (outcome.status < 300 && servedBy !== serviceUrl) return { serviceUrl: servedBy };
      return null;
    },
  };
}
