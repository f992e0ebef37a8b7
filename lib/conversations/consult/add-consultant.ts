import { db as defaultDb, type Db } from '../../db/client';
import { transaction } from '../../db/transaction';
import { conflict } from '../../errors/app-error';
import type { ConversationSummary } from '../../views/types';
import type { ActingViewer } from '../agent';
import { recordLifecycleEvent } from '../lifecycle';
import { loadOwnedConversation } from '../owned-conversation';
import { publishConversationChange } from '../publish';

/** The owner adds a consultant to the customer conversation: from now on they may write to the customer. */
export async function addConsultantToConversation(
  input: { conversationId: string; agent: ActingViewer; consultantId: string },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  return transaction(db, async (tx) => {
    const conversation = await loadOwnedConversation(tx, input.conversationId, input.agent);
    const joined = await tx.consultant.updateMany({
      where: { conversationId: conversation.id, agentId: input.consultantId, endedAt: null, joinedAt: null },
      data: { joinedAt: new Date() },
    });
    if (joined.count === 0) throw conflict('That agent is not consulting here, or already joined.', 'NotConsulting');
    const consultant = await tx.agent.findUniqueOrThrow({ where: { id: input.consultantId }, select: { id: true, displayName: true, role: true } });
    const event = await recordLifecycleEvent(tx, { conversation, name: 'AgentJoinedCustomerConversation', agent: consultant });
    return publishConversationChange(tx, conversation.id, [event]);
  });
}
