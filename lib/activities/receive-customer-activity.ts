// A customer's (or the customer's bot's) activity arrives from any channel.
import { db as defaultDb, type Db } from '../db/client';
import { isRecordMissing, isUniqueViolation } from '../db/prisma-errors';
import { defaultQueueId } from '../conversations/defaults';
import { publishConversationChange } from '../conversations/publish';
import { notFound } from '../errors/app-error';
import { attachmentRefs } from '../views/map';
import { insertActivity, type NewActivity } from './new-activity';

export interface ReceivedActivity {
  id: string;
  seq: number;
  duplicate: boolean;
}

const PREVIEW_CHARS = 280;

export async function receiveCustomerActivity(
  conversationId: string,
  input: Omit<NewActivity, 'direction'>,
  db: Db = defaultDb(),
  /** Files stored beforehand (uploads) that this activity carries. */
  attachmentIds: string[] = [],
): Promise<ReceivedActivity> {
  if (input.dedupeKey) {
    const existing = await findByDedupeKey(db, input.dedupeKey);
    if (existing) return existing;
  }
  try {
    return await db.$transaction(async (tx) => {
      const inserted = await insertActivity(tx, conversationId, { ...input, direction: 'inbound' });
      if (attachmentIds.length > 0) {
        await tx.attachment.updateMany({ where: { id: { in: attachmentIds }, conversationId, activityId: null }, data: { activityId: inserted.id } });
      }
      const activity = await tx.activity.findUniqueOrThrow({ where: { id: inserted.id }, include: attachmentRefs });
      const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId } });
      const isMessage = input.type === 'message';
      const opens = isMessage && conversation.state === 'pending';
      const reopens = isMessage && conversation.state === 'closed';
      await tx.conversation.update({
        where: { id: conversationId },
        data: {
          lastActivityAt: new Date(),
          ...(isMessage && {
            unreadCount: { increment: 1 },
            lastText: input.text ? input.text.slice(0, PREVIEW_CHARS) : attachmentIds.length > 0 ? '📎 Attachment' : conversation.lastText,
          }),
          ...(input.fromName && !conversation.customerName && { customerName: input.fromName }),
          ...(input.fromId && !conversation.customerId && { customerId: input.fromId }),
          ...((opens || reopens) && {
            state: 'queued',
            queueId: conversation.queueId ?? (await defaultQueueId(tx)),
            queuedAt: new Date(),
            ownerId: null,
            closedAt: null,
            version: { increment: 1 },
          }),
        },
      });
      await publishConversationChange(tx, conversationId, [activity]);
      return { id: activity.id, seq: activity.seq, duplicate: false };
    });
  } catch (error) {
    if (isUniqueViolation(error) && input.dedupeKey) {
      const existing = await findByDedupeKey(db, input.dedupeKey);
      if (existing) return existing;
    }
    if (isRecordMissing(error)) throw notFound('Conversation not found.', 'BadArgument');
    throw error;
  }
}

async function findByDedupeKey(db: Db, dedupeKey: string): Promise<ReceivedActivity | null> {
  const row = await db.activity.findUnique({ where: { dedupeKey }, select: { id: true, seq: true } });
  return row && { ...row, duplicate: true };
}
