// Which sender and retry policy a delivery uses, decided by its channel's kind.
import { signedAttachmentUrl } from '../attachments/signed-url';
import { toCustomChannelActivity } from '../channels/custom-webhook/payload';
import { sendToCustomChannel } from '../channels/custom-webhook/sender';
import { activitiesUrl, customChannelSettings } from '../channels/custom-webhook/settings';
import type { Activity, Attachment, Channel, Conversation } from '../db/generated/client';
import { CUSTOM_CHANNEL_POLICY, type AttemptOutcome, type RetryPolicy } from './retry-policy';

export interface DeliveryContext {
  channel: Channel;
  activity: Activity & { attachments: Attachment[]; conversation: Conversation };
}

export type PreparedDelivery =
  | { ok: true; target: string; policy: RetryPolicy; send(): Promise<AttemptOutcome> }
  | { ok: false; target: string; reason: string };

export async function prepareDelivery({ channel, activity }: DeliveryContext): Promise<PreparedDelivery> {
  if (channel.kind === 'custom') {
    const settings = customChannelSettings(channel);
    if (!settings) return { ok: false, target: `custom:${channel.name}`, reason: 'The custom channel has no webhook configured' };
    const attachments = await Promise.all(
      activity.attachments.map(async (attachment) => ({
        contentType: attachment.contentType,
        contentUrl: await signedAttachmentUrl(attachment.id),
        name: attachment.name,
      })),
    );
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
  return { ok: false, target: channel.kind, reason: `Sending to ${channel.kind} channels is not available yet` };
}
