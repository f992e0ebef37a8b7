// Replies to a Bot Framework channel through the conversation's serviceUrl (seed 003): the reply's
// conversation is the message's, `from` its recipient (the bot), `recipient` its sender, `replyToId`
// the message it answers, `locale` copied. The bot authenticates with client credentials.
import { clientCredentialsToken, forgetClientCredentialsToken, type ClientCredentials } from '../../auth/client-credentials';
import { env } from '../../config/env';
import { botSettings } from '../channel-settings';
import type { Activity, Conversation } from '../../db/generated/client';
import { httpAttempt } from '../../outbound/http-attempt';
import { BOT_FRAMEWORK_POLICY, type AttemptOutcome } from '../../outbound/retry-policy';
import { channelCardsOf, suggestedActionsOf } from '../../protocol/rich-content';

export interface ConversationDetails {
  bot?: { id?: string | null; name?: string | null };
  conversationType?: string;
  tenantId?: string | null;
}

export interface ReplyFile {
  contentType: string;
  contentUrl: string;
  name: string | null;
}

/** The bot's app id and password: the administrators' settings, else BOT_APP_ID and BOT_APP_PASSWORD. */
export async function botCredentials(): Promise<ClientCredentials | null> {
  const config = env();
  const bot = await botSettings();
  if (!bot?.appPassword) return null;
  return { tokenUrl: config.BOT_TOKEN_URL, clientId: bot.appId, clientSecret: bot.appPassword, scope: config.BOT_TOKEN_SCOPE };
}

export function toChannelReply(input: {
  activity: Activity;
  conversation: Pick<Conversation, 'externalId' | 'customerId' | 'customerName' | 'channelData'>;
  replyTo: { id: string; locale: string | null } | null;
  files: ReplyFile[];
  /** The bot's app id, for a conversation whose channel data does not name the bot. */
  botId: string;
}) {
  const details = (input.conversation.channelData ?? {}) as ConversationDetails;
  const { activity } = input;
  const cards = channelCardsOf(activity.raw);
  const actions = suggestedActionsOf(activity.raw);
  const attachments = [...cards, ...input.files.map((file) => ({ contentType: file.contentType, contentUrl: file.contentUrl, ...(file.name && { name: file.name }) }))];
  return {
    type: activity.type === 'endOfConversation' ? 'endOfConversation' : 'message',
    from: { id: details.bot?.id ?? input.botId, ...(details.bot?.name && { name: details.bot.name }) },
    recipient: { id: input.conversation.customerId ?? undefined, ...(input.conversation.customerName && { name: input.conversation.customerName }) },
    conversation: {
      id: input.conversation.externalId,
      ...(details.conversationType && { conversationType: details.conversationType }),
      ...(details.tenantId && { tenantId: details.tenantId }),
    },
    ...(input.replyTo && { replyToId: input.replyTo.id }),
    ...((input.replyTo?.locale ?? activity.locale) && { locale: input.replyTo?.locale ?? activity.locale }),
    ...(activity.text && { text: activity.text, textFormat: 'markdown' }),
    ...(attachments.length > 0 && { attachments }),
    // Teams shows suggested actions only to the recipients `to` names (the customer).
    ...(actions.length > 0 && { suggestedActions: { actions, ...(input.conversation.customerId && { to: [input.conversation.customerId] }) } }),
    channelData: { agentConsoleActivityId: activity.id },
  };
}

/** `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`. */
export function replyUrl(serviceUrl: string, conversationId: string, replyToId?: string): string {
  return `${serviceUrl.replace(/\/+$/, '')}${activitiesPath(conversationId, replyToId)}`;
}

export interface BotRequest {
  method: 'POST' | 'PUT' | 'DELETE';
  /** After the service URL: `/v3/conversations/…`. */
  path: string;
  body?: unknown;
}

/**
 * One attempt of any request the bot makes to the channel (a reply, an edit, a deletion, a new
 * conversation). A 403 `InvalidBotApiHost` means the tenant lives in the government cloud: the same
 * request goes to the GCC host at once; `servedBy` tells the caller which service URL answered.
 */
export async function botRequest(credentials: ClientCredentials, serviceUrl: string, request: BotRequest): Promise<{ outcome: AttemptOutcome; servedBy: string }> {
  let token: string;
  try {
    token = await clientCredentialsToken(credentials);
  } catch (error) {
    return { outcome: { kind: 'network', message: `bot token request failed: ${(error as Error).message}` }, servedBy: serviceUrl };
  }
  const attempt = (base: string) =>
    httpAttempt({
      method: request.method,
      url: `${base.replace(/\/+$/, '')}${request.path}`,
      headers: { Authorization: `Bearer ${token}` },
      body: request.body,
      timeoutMs: BOT_FRAMEWORK_POLICY.timeoutMs,
    });
  const outcome = await attempt(serviceUrl);
  if (outcome.kind === 'answered' && outcome.status === 401) forgetClientCredentialsToken(credentials);
  if (outcome.kind === 'answered' && outcome.status === 403 && outcome.errorCode === 'InvalidBotApiHost') {
    const gcc = env().BOT_GCC_SERVICE_URL;
    return { outcome: await attempt(gcc), servedBy: gcc };
  }
  return { outcome, servedBy: serviceUrl };
}

/** `/v3/conversations/{id}/activities[/{activityId}]`: where replies go (with the id they answer) and revisions (with the id revised). */
export function activitiesPath(conversationId: string, activityId?: string): string {
  const base = `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  return activityId ? `${base}/${encodeURIComponent(activityId)}` : base;
}
