// Seed 000's custom messaging channel: every rep message, typing and lifecycle event goes to its webhook.
import { randomUUID } from 'node:crypto';
import { CUSTOM_CHANNEL_POLICY } from '../../outbound/retry-policy';
import { asIs, cardAndTextSurvey, type ChannelAdapter } from '../adapter';
import { signedFiles } from '../signed-files';
import { toCustomChannelActivity, typingActivity } from './payload';
import { sendToCustomChannel } from './sender';
import { activitiesUrl, customChannelSettings } from './settings';

const TYPING_TIMEOUT_MS = 5_000;

export const customWebhookAdapter: ChannelAdapter = {
  kind: 'custom',
  takesLifecycleEvents: true,
  revisesSentMessages: false,
  replyWindowMs: null,
  planMessage: asIs,

  async prepareDelivery(_db, { channel, activity }) {
    const settings = customChannelSettings(channel);
    if (!settings) return { ok: false, target: `custom:${channel.name}`, reason: 'The custom channel has no webhook configured' };
    const payload = toCustomChannelActivity({
      activity,
      channelId: channel.id,
      conversationId: activity.conversation.externalId,
      attachments: await signedFiles(activity.attachments),
    });
    return {
      ok: true,
      target: activitiesUrl(settings, payload.conversation.id),
      policy: CUSTOM_CHANNEL_POLICY,
      send: () => sendToCustomChannel(settings, payload),
    };
  },

  async sendTyping({ channel, conversation }) {
    const settings = customChannelSettings(channel);
    if (!settings) return null;
    const typing = typingActivity({
      id: randomUUID(),
      channelId: channel.id,
      conversationId: conversation.externalId,
      recipientId: conversation.customerId ?? 'customer',
    });
    return sendToCustomChannel(settings, typing, TYPING_TIMEOUT_MS);
  },
  reachFirst: null,
  listTemplates: null,
  surveyMessage: cardAndTextSurvey,
};
