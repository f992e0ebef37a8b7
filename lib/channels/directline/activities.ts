// Direct Line 3.0 activity use cases, free of HTTP: posting, reading after a watermark, typing.
import { randomUUID } from 'node:crypto';
import { receiveCustomerActivity } from '../../activities/receive-customer-activity';
import { customerLeft } from '../../conversations/customer-left';
import { hasContent, receiveWithContent } from '../../activities/receive-with-content';
import { surveyAnswerOf } from '../../protocol/survey';
import { submittedCardOf } from '../../protocol/card-submit';
import { db as defaultDb, type Db } from '../../db/client';
import { forbidden } from '../../errors/app-error';
import type { WireActivity } from '../../protocol/activity';
import { publishTyping } from '../../realtime/publish-typing';
import { customerTypingToBot } from '../../conversations/bot/customer-typing';
import { requireDirectLineConversation } from './conversations';
import { assertMayUse, type DirectLineCaller } from './credentials';
import { directLineMedia } from './media';
import { isCustomerVisible, toWireActivity, watermarkOf, type StoredActivity } from './wire';

/** POST .../activities (and the activity of an upload): stored once even when the client retries it. */
export async function postActivity(
  caller: DirectLineCaller,
  conversationId: string,
  activity: WireActivity,
  db: Db = defaultDb(),
  attachmentIds: string[] = [],
): Promise<{ id: string; duplicate: boolean }> {
  assertMayUse(caller, conversationId);
  if (caller.kind === 'token' && caller.userId && activity.from?.id && activity.from.id !== caller.userId) {
    throw forbidden('The token was issued for another user.');
  }
  const from = {
    ...activity.from,
    id: activity.from?.id ?? (caller.kind === 'token' ? caller.userId : undefined),
    name: activity.from?.name ?? (caller.kind === 'token' ? caller.userName : undefined),
  };
  if (activity.type === 'endOfConversation') {
    // The client closed the chat: the rep hears that the customer left (nothing to show as a message).
    const conversation = await requireDirectLineConversation(db, caller, conversationId);
    await customerLeft({ conversationId: conversation.id }, db);
    return { id: randomUUID(), duplicate: false };
  }
  if (activity.type === 'typing') {
    const conversation = await requireDirectLineConversation(db, caller, conversationId);
    await publishTyping({ conversationId: conversation.id, author: 'customer', name: from.name ?? conversation.customerName ?? 'Customer' }, db);
    await customerTypingToBot(conversation.id, db);
    return { id: randomUUID(), duplicate: false };
  }
  const clientActivityId = clientActivityIdOf(activity);
  const { media, others } = directLineMedia(activity, {});
  const content = { media, card: submittedCardOf(activity) };
  const raw: Record<string, unknown> = { ...activity, from, ...(media.length > 0 && { attachments: others }) };
  delete raw.id;
  const input = {
    type: activity.type,
    dedupeKey: clientActivityId ? `directline:${conversationId}:${clientActivityId}` : null,
    clientActivityId,
    fromId: from.id ?? null,
    fromName: from.name ?? null,
    fromRole: from.role ?? 'user',
    text: activity.text ?? null,
    textFormat: activity.textFormat ?? null,
    locale: activity.locale ?? null,
    name: activity.name ?? null,
    replyToId: activity.replyToId ?? null,
    timestamp: parseTimestamp(activity.localTimestamp ?? activity.timestamp),
    raw: raw as object,
    surveyAnswer: surveyAnswerOf(activity),
  };
  const received = hasContent(content)
    ? await receiveWithContent((await requireDirectLineConversation(db, caller, conversationId)).id, input, content, db, attachmentIds)
    : // Found by its Direct Line id in the same statement that stores the activity (no lookup first).
      await receiveCustomerActivity({ channel: 'directline', externalId: conversationId }, input, db, attachmentIds);
  return { id: received.id, duplicate: received.duplicate };
}

/** GET .../activities?watermark=: everything after the watermark, the client's own activities included. */
export async function getActivities(
  caller: DirectLineCaller,
  conversationId: string,
  watermark: number,
  db: Db = defaultDb(),
  limit = 500,
): Promise<{ activities: WireActivity[]; watermark: string }> {
  const conversation = await requireDirectLineConversation(db, caller, conversationId);
  return activitiesAfter(db, conversation.id, Math.min(watermark, conversation.lastSeq), limit);
}

export async function activitiesAfter(db: Db, conversationId: string, watermark: number, limit = 500) {
  const rows: StoredActivity[] = await db.activity.findMany({
    where: { conversationId, seq: { gt: watermark } },
    orderBy: { seq: 'asc' },
    take: limit,
    include: { attachments: { select: { id: true, name: true, contentType: true }, orderBy: { seq: 'asc' } } },
  });
  const last = rows.at(-1)?.seq ?? watermark;
  const activities = await Promise.all(rows.filter(isCustomerVisible).map(toWireActivity));
  return { activities, watermark: watermarkOf(last) };
}

function clientActivityIdOf(activity: WireActivity): string | null {
  const channelData = activity.channelData as { clientActivityID?: unknown } | undefined;
  const id = channelData?.clientActivityID;
  return typeof id === 'string' && id.length > 0 && id.length <= 256 ? id : null;
}

function parseTimestamp(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
