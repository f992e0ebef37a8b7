// Deliveries to a Bot Framework channel (Teams and the others that post to /api/messages): replies
// through the conversation's serviceUrl, edits and deletions of what the channel already shows, and
// what the channel's answer means for the conversation (a block, the GCC host).
import { BOT_FRAMEWORK_POLICY } from '../../outbound/retry-policy';
import type { ChannelAdapter } from '../adapter';
import { signedFiles } from '../signed-files';
import { botCredentials, replyUrl, reviseChannelActivity, sendChannelReply, toChannelReply } from './reply';

export const prepareBotFrameworkDelivery: ChannelAdapter['prepareDelivery'] = async (db, { activity, operation }) => {
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
    files: await signedFiles(activity.attachments),
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
};
