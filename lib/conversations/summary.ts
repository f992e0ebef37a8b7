import type { Tx } from '../db/client';
import { conversationRefs, toConversationSummary } from '../views/map';
import type { ConversationSummary } from '../views/types';

export async function loadSummary(tx: Tx, conversationId: string): Promise<ConversationSummary> {
  // One query with joins instead of one per relation (this runs in every activity's transaction).
  const row = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: conversationRefs, relationLoadStrategy: 'join' });
  return toConversationSummary(row);
}
