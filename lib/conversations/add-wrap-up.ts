import { db as defaultDb, type Db } from '../db/client';
import { transaction } from '../db/transaction';
import { conflict, forbidden } from '../errors/app-error';
import { canWrapUp } from '../shared/policies';
import type { ConversationSummary } from '../views/types';
import type { ActingViewer } from './agent';
import { recordAgentNote } from './agent-note';
import { publishConversationChange } from './publish';
import { loadVisibleConversation } from './visible-conversation';

/** After `End conversation`, the agent who had it writes the wrap-up note (agents only). */
export async function addWrapUpNote(
  input: { conversationId: string; agent: ActingViewer; note: string },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  return transaction(db, async (tx) => {
    const conversation = await loadVisibleConversation(tx, input.conversationId, input.agent);
    if (conversation.state !== 'closed') throw conflict('End the conversation first.', 'NotClosed');
    if (!canWrapUp(input.agent, conversation)) {
      throw forbidden('Only the agent who had the conversation writes its wrap-up.', 'NotOwner');
    }
    const note = await recordAgentNote(tx, conversation.id, input.agent, input.note, 'wrapUp');
    return publishConversationChange(tx, conversation.id, [note]);
  });
}
