// A bot the console is a Bot Framework channel for (issue 19, CONTRACT.md "A bot answers first"):
// the customer's activities of a conversation the bot holds, and the console's `handoff.status`
// events, are POSTed to the bot's messaging endpoint with a token the console signs. When the bot
// cannot take one (unreachable, 5xx, no answer in 10 s, three tries) the conversation goes to reps
// (lib/conversations/bot/bot-unavailable.ts, called by the outbox when a delivery gives up).
import { randomUUID } from 'node:crypto';
import { publicUrl } from '../../config/env';
import { channelTokenForBot } from '../../bot/channel-token';
import { db as defaultDb, type Db } from '../../db/client';
import type { ChannelKind } from '../../db/generated/client';
import { httpAttempt } from '../../outbound/http-attempt';
import { BOT_POLICY } from '../../outbound/retry-policy';
import { asIs, type ChannelAdapter } from '../adapter';
import { channelIdFor, toBotActivity } from './activity';
import { botSettings } from './settings';

const TYPING_TIMEOUT_MS = 5_000;

const kinds = new Map<string, ChannelKind>();

/** The customer's channel kind (channel rows never change kind). */
async function channelKind(db: Db, channelId: string): Promise<ChannelKind> {
  let kind = kinds.get(channelId);
  if (!kind) {
    kind = (await db.channel.findUniqueOrThrow({ where: { id: channelId }, select: { kind: true } })).kind;
    kinds.set(channelId, kind);
  }
  return kind;
}

export const botAdapter: ChannelAdapter = {
  kind: 'bot',
  takesLifecycleEvents: false,
  revisesSentMessages: false,
  replyWindowMs: null,
  planMessage: asIs,

  async prepareDelivery(db, { channel, activity }) {
    const settings = botSettings(channel);
    if (!settings) return { ok: false, target: `bot:${channel.name}`, reason: 'The bot has no messaging endpoint configured' };
    const serviceUrl = publicUrl();
    const body = await toBotActivity({
      activity,
      conversation: activity.conversation,
      customerChannel: await channelKind(db, activity.conversation.channelId),
      serviceUrl,
      appId: settings.appId,
    });
    const token = await channelTokenForBot({ appId: settings.appId, serviceUrl });
    return {
      ok: true,
      target: settings.endpoint,
      policy: BOT_POLICY,
      send: () => httpAttempt({ url: settings.endpoint, headers: { Authorization: `Bearer ${token}` }, body, timeoutMs: BOT_POLICY.timeoutMs }),
    };
  },

  /** The customer is typing (best effort, like a rep's typing to a channel): a `typing` activity to the bot. */
  async sendTyping({ channel, conversation }) {
    const settings = botSettings(channel);
    if (!settings) return null;
    const serviceUrl = publicUrl();
    const token = await channelTokenForBot({ appId: settings.appId, serviceUrl });
    const body = {
      type: 'typing',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      serviceUrl,
      channelId: channelIdFor(await channelKind(defaultDb(), conversation.channelId)),
      conversation: { id: conversation.id },
      from: { id: conversation.customerId ?? 'customer', role: 'user' },
      recipient: { id: settings.appId, role: 'bot' },
    };
    return httpAttempt({ url: settings.endpoint, headers: { Authorization: `Bearer ${token}` }, body, timeoutMs: TYPING_TIMEOUT_MS });
  },
  reachFirst: null,
  listTemplates: null,
  surveyMessage: () => null,
};
