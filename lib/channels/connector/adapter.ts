// Bot Framework channels other than Teams that deliver to /api/messages: replies through serviceUrl.
import { asIs, cardAndTextSurvey, noTyping, type ChannelAdapter } from '../adapter';
import { prepareBotFrameworkDelivery } from '../teams/delivery';

export const connectorAdapter: ChannelAdapter = {
  kind: 'connector',
  takesLifecycleEvents: false,
  revisesSentMessages: true,
  replyWindowMs: null,
  planMessage: asIs,
  prepareDelivery: prepareBotFrameworkDelivery,
  sendTyping: noTyping,
  reachFirst: null,
  listTemplates: null,
  surveyMessage: cardAndTextSurvey,
};
