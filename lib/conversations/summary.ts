import type { Tx } from '../db/client';
import { conversationRefs, toConversationSummary } from '../views/map';
import type { ConversationSummary } from '../views/types';

export async function loadSummary(tx: Tx, conversationId: string): Promise<ConversationSummary> {
  const row = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: conversationRefs });
  return toConversationSummary(row);
}
