import { assertMaySee, type Viewer } from '../auth/conversation-access';
import type { Db, Tx } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { notFound } from '../errors/app-error';

/**
 * The one way a console command gets its conversation: 404 when there is none or it is still
 * `pending` (opened by a channel, no customer message yet: invisible to reps), 403 when it is not
 * the viewer's to see. `include` loads relations with the row.
 */
export async function loadVisibleConversation<I extends Prisma.ConversationInclude = Record<string, never>>(
  tx: Db | Tx,
  conversationId: string,
  viewer: Viewer,
  include?: I,
): Promise<Prisma.ConversationGetPayload<{ include: I }>> {
  const conversation = (await tx.conversation.findUnique({ where: { id: conversationId }, include })) as Prisma.ConversationGetPayload<{
    include: I;
  }> | null;
  if (!conversation || conversation.state === 'pending') throw notFound('Conversation not found.');
  await assertMaySee(tx, viewer, conversation);
  return conversation;
}
