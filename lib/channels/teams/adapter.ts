// Microsoft Teams: a Bot Framework channel with Teams' own rules for what a bot may post.
import { cardSurvey, noTyping, type ChannelAdapter } from '../adapter';
import { prepareBotFrameworkDelivery } from './delivery';
import { planTeamsMessage } from './message-plan';
import { teamsReachFirst } from './reach-first';

export const teamsAdapter: ChannelAdapter = {
  kind: 'teams',
  takesLifecycleEvents: false, // a Bot Framework channel would show them to the customer as empty messages
  revisesSentMessages: true,
  replyWindowMs: null,
  planMessage: planTeamsMessage,
  prepareDelivery: prepareBotFrameworkDelivery,
  sendTyping: noTyping,
  reachFirst: teamsReachFirst,
  listTemplates: null,
  surveyMessage: cardSurvey,
};
