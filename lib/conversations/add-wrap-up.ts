import { db as defaultDb, type Db } from '../db/client';
import { transaction } from '../db/transaction';
import { conflict, forbidden, notFound } from '../errors/app-error';
import type { ConversationSummary } from '../views/types';
import type { ActingAgent } from './agent';
import { recordAgentNote } from './agent-note';
import { publishConversationChange } from './publish';

/** After `End conversation`, the agent who had it writes the wrap-up note (agents only). */
export async function addWrapUpNote(
  input: { conversationId: string; agent: ActingAgent; note: string },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  return transaction(db, async (tx) => {
    const conversation = await tx.conversation.findUnique({ where: { id: input.conversationId } });
    if (!conversation || conversation.state === 'pending') throw notFound('Conversation not found.');
    if (conversation.state !== 'closed') throw conflict('End the conversation first.', 'NotClosed');
    if (conversation.ownerId !== input.agent.id && input.agent.role === 'agent') {
      throw forbidden('Only the agent who had the conversation writes its wrap-up.', 'NotOwner');
    }
    const note = await recordAgentNote(tx, conversation.id, input.agent, input.note, 'wrapUp');
    return publishConversationChange(tx, conversation.id, [note]);
  });
}
