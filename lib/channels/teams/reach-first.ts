// Teams: writing first to a user the bot has met (seed 003 "start conversation"): the customer of a
// one-to-one chat, or a member of a group chat or team. `POST {serviceUrl}/v3/conversations`
// answers the one-to-one conversation's id (the existing one when there is one).
import type { Conversation, Prisma } from '../../db/generated/client';
import { AppError } from '../../errors/app-error';
import type { ReachFirst, ReachableCustomer } from '../adapter';
import { botCredentials, botRequest, type ConversationDetails } from './reply';

async function candidates(db: Parameters<ReachFirst['candidates']>[0], conversation: Conversation): Promise<ReachableCustomer[]> {
  const details = (conversation.channelData ?? {}) as ConversationDetails;
  if (!conversation.serviceUrl) return [];
  const people = new Map<string, string | null>();
  if (conversation.customerId) people.set(conversation.customerId, conversation.customerName);
  const members = await db.participant.findMany({ where: { conversationId: conversation.id }, select: { accountId: true, name: true }, orderBy: { createdAt: 'asc' } });
  for (const member of members) if (!people.has(member.accountId)) people.set(member.accountId, member.name);
  // In a group chat, whoever wrote to the bot.
  const writers = await db.activity.findMany({
    where: { conversationId: conversation.id, direction: 'inbound', fromId: { not: null } },
    distinct: ['fromId'],
    select: { fromId: true, fromName: true },
    take: 100,
  });
  for (const writer of writers) if (writer.fromId && !people.has(writer.fromId)) people.set(writer.fromId, writer.fromName);
  const bot = details.bot?.id?.toLowerCase();
  return [...people]
    .filter(([id]) => id.toLowerCase() !== bot)
    .map(([id, name]) => ({ id, name, needsTemplate: false }));
}

export const teamsReachFirst: ReachFirst = {
  candidates,
  async open(_db, conversation, customer) {
    const details = (conversation.channelData ?? {}) as ConversationDetails;
    const credentials = await botCredentials();
    if (!credentials || !conversation.serviceUrl) throw new AppError('BotNotConfigured', 'No bot credentials are configured (BOT_APP_ID, BOT_APP_PASSWORD).');
    const tenantId = details.tenantId ?? null;
    const parameters = {
      bot: { id: details.bot?.id ?? credentials.clientId, ...(details.bot?.name && { name: details.bot.name }) },
      members: [{ id: customer.id, ...(customer.name && { name: customer.name }) }],
      isGroup: false,
      ...(tenantId && { tenantId, channelData: { tenant: { id: tenantId } } }),
    };
    const { outcome, servedBy } = await botRequest(credentials, conversation.serviceUrl, { method: 'POST', path: '/v3/conversations', body: parameters });
    const answer = outcome.kind === 'answered' ? (outcome.body as { id?: unknown; serviceUrl?: unknown } | undefined) : undefined;
    if (outcome.kind !== 'answered' || outcome.status >= 300 || typeof answer?.id !== 'string' || !answer.id) {
      const why = outcome.kind === 'answered' ? `answered ${outcome.status}${outcome.errorCode ? ` ${outcome.errorCode}` : ''}` : outcome.kind === 'timeout' ? 'did not answer in time' : 'could not be reached';
      throw new AppError('ChannelRefused', `Teams ${why}; the conversation was not started.`);
    }
    const channelData: Prisma.InputJsonObject = {
      bot: { id: parameters.bot.id, name: details.bot?.name ?? null },
      conversationType: 'personal',
      tenantId,
      team: null,
      channel: null,
    };
    return {
      externalId: answer.id,
      customerId: customer.id,
      customerName: customer.name,
      serviceUrl: typeof answer.serviceUrl === 'string' && answer.serviceUrl ? answer.serviceUrl : servedBy,
      channelData,
    };
  },
};
