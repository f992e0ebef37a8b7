// A customer's (or the customer's bot's) activity arrives from any channel.
import { db as defaultDb, type Db } from '../db/client';
import { transaction } from '../db/transaction';
import { isRecordMissing, isUniqueViolation } from '../db/prisma-errors';
import { defaultQueueId } from '../conversations/defaults';
import { publishConversationChange } from '../conversations/publish';
import { notFound } from '../errors/app-error';
import { attachmentRefs } from '../views/map';
import type { Activity } from '../db/generated/client';
import type { NewActivity } from './new-activity';

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
  try {
    return await transaction(db, async (tx) => {
      const isMessage = input.type === 'message';
      const preview = input.text ? input.text.slice(0, PREVIEW_CHARS) : attachmentIds.length > 0 ? '📎 Attachment' : undefined;
      // One statement allocates the next seq, row-locks the conversation and bumps its counters.
      const conversation = await tx.conversation.update({
        where: { id: conversationId },
        data: {
          lastSeq: { increment: 1 },
          lastActivityAt: new Date(),
          ...(isMessage && { unreadCount: { increment: 1 }, lastInboundAt: new Date(), ...(preview && { lastText: preview }) }),
        },
      });
      // Without files there is nothing to include (and no second query to read it back).
      let activity: Activity & { attachments?: { id: string; name: string | null; contentType: string; size: number }[] } = await tx.activity.create({
        data: { ...input, direction: 'inbound', conversationId, seq: conversation.lastSeq },
      });
      if (attachmentIds.length > 0) {
        await tx.attachment.updateMany({ where: { id: { in: attachmentIds }, conversationId, activityId: null }, data: { activityId: activity.id } });
        activity = await tx.activity.findUniqueOrThrow({ where: { id: activity.id }, include: attachmentRefs });
      }
      // The first message (or one after closing) puts the conversation in its queue.
      const queues = isMessage && (conversation.state === 'pending' || conversation.state === 'closed');
      const names = {
        ...(input.fromName && !conversation.customerName && { customerName: input.fromName }),
        ...(input.fromId && !conversation.customerId && { customerId: input.fromId }),
      };
      if (queues || Object.keys(names).length > 0) {
        await tx.conversation.update({
          where: { id: conversationId },
          data: {
            ...names,
            ...(queues && {
              state: 'queued',
              queueId: conversation.queueId ?? (await defaultQueueId(tx)),
              queuedAt: new Date(),
              ownerId: null,
              closedAt: null,
              version: { increment: 1 },
            }),
          },
        });
      }
      await publishConversationChange(tx, conversationId, [activity]);
      return { id: activity.id, seq: activity.seq, duplicate: false };
    });
  } catch (error) {
    // A replay (same dedupe key) collides with the original: answer the original.
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
