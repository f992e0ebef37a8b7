// A bot-only resolution (docs/metrics.md): the bot ended a conversation it held, or the customer
// went quiet while it did. The conversation closes without an episode (it never entered a queue).
import type { Tx } from '../../db/client';
import { publishConversationChange } from '../publish';

export type BotResolutionReason = 'ended' | 'idle';

/** False when the bot no longer held the conversation. */
export async function botResolved(tx: Tx, conversationId: string, reason: BotResolutionReason): Promise<boolean> {
  const at = new Date();
  const closed = await tx.conversation.updateMany({ where: { id: conversationId, state: 'bot' }, data: { state: 'closed', closedAt: at, version: { increment: 1 } } });
  if (closed.count === 0) return false;
  const { botChannelId } = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { botChannelId: true } });
  await tx.botResolution.create({ data: { conversationId, botChannelId, reason, at } });
  await publishConversationChange(tx, conversationId);
  return true;
}
