// Deliveries to a Bot Framework channel (Teams and the others that post to /api/messages): replies
// through the conversation's serviceUrl, edits and deletions of what the channel already shows, and
// what the channel's answer means for the conversation (a pause, the GCC host, ids it no longer knows).
import { BOT_FRAMEWORK_POLICY, type AttemptOutcome } from '../../outbound/retry-policy';
import type { ChannelAdapter, ConversationChange } from '../adapter';
import { signedFiles } from '../signed-files';
import { isPausingCode, pausedDeliveryReason } from './pause';
import { activitiesPath, botCredentials, botRequest, replyUrl, toChannelReply } from './reply';

/** The channel no longer knows the id we sent with the request (the message replied to, or the one revised). */
const UNKNOWN_ID_CODES = ['ConversationNotFound', 'ActivityNotFoundInConversation'];
const namesUnknownId = (outcome: AttemptOutcome) =>
  outcome.kind === 'answered' && outcome.status === 404 && UNKNOWN_ID_CODES.includes(outcome.errorCode ?? '');

/** What every answer may change: a pause (403 with a pausing code), or the service URL that answered. */
function answerChange(outcome: AttemptOutcome, serviceUrl: string, servedBy: string): ConversationChange | null {
  if (outcome.kind !== 'answered') return null;
  if (outcome.status === 403 && isPausingCode(outcome.errorCode)) return { blockedAt: new Date(), blockedReason: outcome.errorCode };
  if (outcome.status < 300 && servedBy !== serviceUrl) return { serviceUrl: servedBy };
  return null;
}

export const prepareBotFrameworkDelivery: ChannelAdapter['prepareDelivery'] = async (db, { activity, operation }) => {
  const conversation = activity.conversation;
  const target = conversation.serviceUrl ?? 'Bot Framework channel';
  if (conversation.blockedAt) return { ok: false, target, reason: pausedDeliveryReason(conversation.blockedReason) };
  if (!conversation.serviceUrl) return { ok: false, target, reason: 'The conversation has no serviceUrl to reply to' };
  const credentials = await botCredentials();
  if (!credentials) return { ok: false, target, reason: 'No bot credentials are configured (BOT_APP_ID, BOT_APP_PASSWORD)' };
  const answered = await db.activity.findFirst({
    where: { conversationId: conversation.id, direction: 'inbound', type: 'message', externalId: { not: null }, seq: { lt: activity.seq } },
    orderBy: { seq: 'desc' },
    select: { id: true, externalId: true, locale: true },
  });
  const reply = toChannelReply({
    botId: credentials.clientId,
    activity,
    conversation,
    replyTo: answered?.externalId ? { id: answered.externalId, locale: answered.locale } : null,
    files: await signedFiles(activity.attachments),
  });
  const serviceUrl = conversation.serviceUrl;
  let servedBy = serviceUrl;

  if (operation !== 'send') {
    // Revising what the channel already has: PUT or DELETE the activity by the channel's id for it.
    const channelActivityId = activity.externalId;
    if (!channelActivityId) return { ok: false, target, reason: 'The message is not in the channel (never sent, or the channel no longer has it), so it cannot be changed there' };
    const path = activitiesPath(conversation.externalId, channelActivityId);
    return {
      ok: true,
      target: replyUrl(serviceUrl, conversation.externalId, channelActivityId),
      policy: BOT_FRAMEWORK_POLICY,
      async send() {
        const body = operation === 'update' ? { ...reply, id: channelActivityId } : undefined;
        const result = await botRequest(credentials, serviceUrl, { method: operation === 'update' ? 'PUT' : 'DELETE', path, body });
        servedBy = result.servedBy;
        return result.outcome;
      },
      afterOutcome: (outcome) => (namesUnknownId(outcome) ? { forgetChannelId: true } : answerChange(outcome, serviceUrl, servedBy)),
    };
  }

  let forgotReplyTo = false;
  return {
    ok: true,
    target: replyUrl(serviceUrl, reply.conversation.id, reply.replyToId),
    policy: BOT_FRAMEWORK_POLICY,
    async send() {
      let result = await botRequest(credentials, serviceUrl, { method: 'POST', path: activitiesPath(reply.conversation.id, reply.replyToId), body: reply });
      if (reply.replyToId && namesUnknownId(result.outcome)) {
        // The message we answer is gone from the channel: post to the conversation without threading.
        forgotReplyTo = true;
        result = await botRequest(credentials, result.servedBy, { method: 'POST', path: activitiesPath(reply.conversation.id), body: { ...reply, replyToId: undefined } });
      }
      servedBy = result.servedBy;
      return result.outcome;
    },
    afterOutcome(outcome) {
      const change = answerChange(outcome, serviceUrl, servedBy);
      return forgotReplyTo && answered ? { ...change, forgetReplyToOf: answered.id } : change;
    },
  };
};
