// Direct Line: the customer's client reads the transcript (GET …/activities or the stream), so nothing
// is pushed; a conversation relayed to a custom channel has that channel as its outbound channel.
import { asIs, cardSurvey, noTyping, type ChannelAdapter } from '../adapter';

export const directLineAdapter: ChannelAdapter = {
  kind: 'directline',
  takesLifecycleEvents: false,
  revisesSentMessages: false,
  replyWindowMs: null,
  planMessage: asIs,
  async prepareDelivery() {
    return { ok: false, target: 'directline', reason: 'Direct Line clients read the transcript; nothing is pushed to them' };
  },
  sendTyping: noTyping,
  reachFirst: null, // a Direct Line client opens the conversation; the console has no address to write to
  listTemplates: null,
  surveyMessage: cardSurvey,
};
