import { db as defaultDb, type Db } from '../db/client';
import { transaction } from '../db/transaction';
import type { ActingAgent } from './agent';
import { publishConversationChange } from './publish';

/** The owner has seen everything: the unread counter returns to zero. Others reading changes nothing. */
export async function markConversationRead(
  input: { conversationId: string; agent: ActingAgent },
  db: Db = defaultDb(),
): Promise<void> {
  await transaction(db, async (tx) => {
    const updated = await tx.conversation.updateMany({
      where: { id: input.conversationId, ownerId: input.agent.id, unreadCount: { gt: 0 } },
      data: { unreadCount: 0 },
    });
    if (updated.count === 0) return;
    await publishConversationChange(tx, input.conversationId);
  });
}
