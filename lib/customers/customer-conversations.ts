// Which conversations belong to the same customer as this one. Until contacts exist (issue 21 item
// 1), a customer is a channel and the customer id that channel gave (a Direct Line user id, a Teams
// user, a WhatsApp number); a conversation without a customer id stands alone. This is the one
// place that says so: erasure and export go through it.
import type { Db, Tx } from '../db/client';

/** The ids of every conversation of this conversation's customer, itself included; [] when there is no such conversation. */
export async function customerConversationIds(tx: Db | Tx, conversationId: string): Promise<string[]> {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId }, select: { id: true, channelId: true, customerId: true } });
  if (!conversation) return [];
  if (!conversation.customerId) return [conversation.id];
  const rows = await tx.conversation.findMany({
    where: { channelId: conversation.channelId, customerId: conversation.customerId },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => row.id);
}
