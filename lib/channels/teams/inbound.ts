// Activities a Bot Framework channel (Microsoft Teams and others) delivers to POST /api/messages.
import { receiveCustomerActivity } from '../../activities/receive-customer-activity';
import { hasContent, receiveWithContent } from '../../activities/receive-with-content';
import { surveyAnswerOf } from '../../protocol/survey';
import { isCardActionInvoke, submittedCardOf } from '../../protocol/card-submit';
import { applyChannelEdit, markReadUpTo } from '../../activities/channel-edits';
import { db as defaultDb, type Db } from '../../db/client';
import type { ChannelKind, Prisma } from '../../db/generated/client';
import { defaultChannelId } from '../../conversations/defaults';
import { customerLeft } from '../../conversations/customer-left';
import { openConversation } from '../../conversations/open-conversation';
import { badRequest } from '../../errors/app-error';
import type { WireActivity } from '../../protocol/activity';
import { publishTyping } from '../../realtime/publish-typing';
import { customerTypingToBot } from '../../conversations/bot/customer-typing';
import { channelTimestamp } from '../../activities/timestamp';
import { teamsMedia } from './media';
import { applyInstallationUpdate } from './installation';
import { verifiedIdentifierOf } from './verified-identifier';

export const READ_RECEIPT = 'application/vnd.microsoft.readReceipt';

export type ChannelOutcome = 'stored' | 'duplicate' | 'ignored' | 'updated';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
}

const kindOf = (channelId: string | undefined): ChannelKind => (channelId === 'msteams' ? 'teams' : 'connector');

/** Group chats and channels: the console acts only on messages that @mention the bot (ids compared ignoring case, as Teams varies it). */
function mentionsBot(activity: WireActivity): boolean {
  const entities = (activity as { entities?: { type?: string; mentioned?: { id?: string } }[] }).entities ?? [];
  const bot = activity.recipient?.id?.toLowerCase();
  return !!bot && entities.some((entity) => entity.type === 'mention' && entity.mentioned?.id?.toLowerCase() === bot);
}

function withoutBotMention(text: string | undefined, activity: WireActivity): string | undefined {
  if (!text) return text;
  const name = activity.recipient?.name;
  const cleaned = text.replace(/<at>(.*?)<\/at>/g, (whole, inner: string) => (!name || inner === name ? '' : whole)).trim();
  return cleaned || text;
}

export async function receiveChannelActivity(activity: WireActivity, db: Db = defaultDb()): Promise<ChannelOutcome> {
  const conversation = activity.conversation as { id?: string; conversationType?: string; isGroup?: boolean; tenantId?: string } | undefined;
  if (!conversation?.id) throw badRequest('BadArgument', 'conversation.id is required.');
  if (!activity.serviceUrl) throw badRequest('BadArgument', 'serviceUrl is required.');
  const kind = kindOf(activity.channelId);
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const group = conversation.isGroup === true || (conversation.conversationType !== undefined && conversation.conversationType !== 'personal');

  // A card answer names no one: it answers the card, which the bot sent.
  if (activity.type === 'message' && group && !mentionsBot(activity) && !submittedCardOf(activity)) return 'ignored';

  const details: Prisma.InputJsonObject = {
    bot: { id: activity.recipient?.id ?? null, name: activity.recipient?.name ?? null },
    conversationType: conversation.conversationType ?? (group ? 'groupChat' : 'personal'),
    tenantId: channelData.tenant?.id ?? conversation.tenantId ?? null,
    team: channelData.team ? { id: channelData.team.id ?? null, name: channelData.team.name ?? null } : null,
    channel: channelData.channel ? { id: channelData.channel.id ?? null, name: channelData.channel.name ?? null } : null,
  };
  const channelId = await defaultChannelId(db, kind);
  const opened = await openConversation(db, {
    channel: kind,
    externalId: conversation.id,
    customerId: group ? null : (activity.from?.id ?? null),
    customerName: group ? (channelData.channel?.name ?? channelData.team?.name ?? null) : (activity.from?.name ?? null),
    verified: group ? null : verifiedIdentifierOf(activity),
    serviceUrl: activity.serviceUrl,
    channelData: details,
    outboundChannelId: channelId,
  });
  // The service URL of a conversation can move; the latest one is where replies go. A customer who
  // writes has unblocked the bot, and the bot is evidently in the conversation: sending resumes.
  await db.conversation.update({
    where: { id: opened.id },
    data: { serviceUrl: activity.serviceUrl, channelData: details, ...(activity.type === 'message' && { blockedAt: null, blockedReason: null }) },
  });

  switch (activity.type) {
    case 'message':
    case 'invoke': {
      if (activity.type === 'invoke' && !isCardActionInvoke(activity)) return 'ignored';
      if (!activity.id) throw badRequest('BadArgument', 'A message needs its id.');
      const { media, others } = teamsMedia(activity, { serviceUrl: activity.serviceUrl });
      const content = { media, card: submittedCardOf(activity) };
      const input = {
        type: 'message',
        dedupeKey: `${kind}:${opened.id}:${activity.id}`,
        externalId: activity.id,
        fromId: activity.from?.id ?? null,
        fromName: activity.from?.name ?? null,
        fromRole: activity.from?.role ?? 'user',
        text: withoutBotMention(activity.text, activity) ?? null,
        textFormat: activity.textFormat ?? null,
        locale: activity.locale ?? null,
        replyToId: activity.replyToId ?? null,
        timestamp: channelTimestamp(activity.timestamp),
        raw: (media.length > 0 ? { ...activity, attachments: others } : activity) as Prisma.InputJsonObject,
        surveyAnswer: surveyAnswerOf({ type: activity.type, text: withoutBotMention(activity.text, activity), value: activity.value }),
      };
      const received = hasContent(content) ? await receiveWithContent(opened.id, input, content, db) : await receiveCustomerActivity(opened.id, input, db);
      return received.duplicate ? 'duplicate' : 'stored';
    }
    case 'typing':
      await publishTyping({ conversationId: opened.id, author: 'customer', name: activity.from?.name ?? 'Customer' }, db);
      await customerTypingToBot(opened.id, db);
      return 'ignored';
    case 'event': {
      const lastRead = (activity.value as { lastReadMessageId?: unknown } | undefined)?.lastReadMessageId;
      if (activity.name === READ_RECEIPT && typeof lastRead === 'string') {
        await markReadUpTo({ conversationId: opened.id, lastReadMessageId: lastRead }, db);
        return 'updated';
      }
      return 'ignored';
    }
    case 'messageUpdate':
    case 'messageDelete': {
      if (!activity.id) return 'ignored';
      const eventType = channelData.eventType;
      const change =
        activity.type === 'messageDelete' || eventType === 'softDeleteMessage'
          ? ({ kind: 'delete' } as const)
          : eventType === 'undeleteMessage'
            ? ({ kind: 'undelete', text: activity.text ?? null } as const)
            : ({ kind: 'edit', text: withoutBotMention(activity.text, activity) ?? null, raw: activity as object } as const);
      return (await applyChannelEdit({ conversationId: opened.id, externalId: activity.id, change }, db)) ? 'updated' : 'ignored';
    }
    case 'endOfConversation':
      return (await customerLeft({ conversationId: opened.id }, db)) === 'recorded' ? 'updated' : 'ignored';
    case 'conversationUpdate': {
      // The customer of a personal chat removed (a group's members come and go: the group stays).
      const customerId = group ? null : (await db.conversation.findUnique({ where: { id: opened.id }, select: { customerId: true } }))?.customerId;
      if (customerId && (activity.membersRemoved ?? []).some((member) => member.id === customerId)) {
        await customerLeft({ conversationId: opened.id }, db);
      }
      for (const member of activity.membersAdded ?? []) {
        if (!member.id || member.id === activity.recipient?.id) continue;
        await db.participant.upsert({
          where: { conversationId_accountId: { conversationId: opened.id, accountId: member.id } },
          update: { name: member.name ?? undefined },
          create: { conversationId: opened.id, accountId: member.id, name: member.name ?? null, aadObjectId: member.aadObjectId ?? null, role: 'user' },
        });
      }
      return 'updated';
    }
    case 'installationUpdate': {
      const action = (activity as { action?: unknown }).action;
      return typeof action === 'string' && (await applyInstallationUpdate(opened.id, action, db)) ? 'updated' : 'ignored';
    }
    default:
      return 'ignored';
  }
}
