import { visibleConversations, type Viewer } from '../auth/conversation-access';
import { db as defaultDb, type Db } from '../db/client';
import type { CustomerProfileView } from '../views/types';
import { reachFirstOf } from './start-conversation';
import { loadVisibleConversation } from './visible-conversation';

/** The customer behind a conversation, with the earlier conversations this viewer may open. */
export async function customerProfile(conversationId: string, viewer: Viewer, db: Db = defaultDb()): Promise<CustomerProfileView> {
  const conversation = await loadVisibleConversation(db, conversationId, viewer, { channel: { select: { kind: true } } });
  const locale = await db.activity.findFirst({
    where: { conversationId, direction: 'inbound', locale: { not: null } },
    orderBy: { seq: 'desc' },
    select: { locale: true },
  });
  const previous = conversation.customerId
    ? await db.conversation.findMany({
        where: {
          channelId: conversation.channelId,
          customerId: conversation.customerId,
          id: { not: conversation.id },
          state: { not: 'pending' },
          ...visibleConversations(viewer),
        },
        orderBy: { lastActivityAt: 'desc' },
        take: 20,
        select: { id: true, state: true, lastText: true, lastActivityAt: true },
      })
    : [];
  const surveys = await db.satisfactionSurvey.findMany({
    where: { conversationId },
    orderBy: { episode: 'desc' },
    take: 20,
    select: { episode: true, sentAt: true, rating: true, comment: true, answeredAt: true },
  });
  return {
    channel: conversation.channel.kind,
    contactId: conversation.contactId,
    customerId: conversation.customerId,
    customerName: conversation.customerName,
    locale: locale?.locale ?? null,
    previousConversations: previous.map((row) => ({ id: row.id, state: row.state, lastText: row.lastText, lastActivityAt: row.lastActivityAt.toISOString() })),
    reachFirst: await reachFirstOf(db, conversation, conversation.channel.kind),
    surveys: surveys.map((row) => ({ ...row, sentAt: row.sentAt.toISOString(), answeredAt: row.answeredAt?.toISOString() ?? null })),
  };
}
