import type { Tx } from '../../db/client';
import { db as defaultDb, type Db } from '../../db/client';
import { transaction } from '../../db/transaction';
import { conflict, forbidden } from '../../errors/app-error';
import { canEndConsult } from '../../shared/policies';
import type { ConversationSummary } from '../../views/types';
import type { ActingViewer } from '../agent';
import { recordLifecycleEvent } from '../lifecycle';
import { publishConversationChange } from '../publish';
import { loadVisibleConversation } from '../visible-conversation';

/** Ends every consult of a conversation (it closes, or moves to another owner or queue). */
export async function endConsults(tx: Tx, conversationId: string): Promise<void> {
  await tx.consultant.updateMany({ where: { conversationId, endedAt: null }, data: { endedAt: new Date() } });
}

/**
 * A consultant leaves (`ConsultAgentEndSession`) or the owner ends their consult (`AgentEndedConsult`);
 * once the consultant had joined the customer conversation, seed 000 names these
 * `ConsultAgentLeftPublicConversation` and `ConsultAgentRemoved`.
 */
export async function endConsult(
  input: { conversationId: string; agent: ActingViewer; consultantId: string },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  return transaction(db, async (tx) => {
    const conversation = await loadVisibleConversation(tx, input.conversationId, input.agent);
    const leaving = input.consultantId === input.agent.id;
    if (!canEndConsult(input.agent, conversation, input.consultantId)) {
      throw forbidden('Only the owner or the consultant can end a consult.', 'NotOwner');
    }
    const consulting = await tx.consultant.findFirst({ where: { conversationId: conversation.id, agentId: input.consultantId, endedAt: null } });
    const ended = await tx.consultant.updateMany({
      where: { conversationId: conversation.id, agentId: input.consultantId, endedAt: null },
      data: { endedAt: new Date() },
    });
    if (!consulting || ended.count === 0) throw conflict('That agent is not consulting on this conversation.', 'NotConsulting');
    const joined = consulting.joinedAt !== null;
    const consultant = await tx.agent.findUniqueOrThrow({ where: { id: input.consultantId }, select: { id: true, displayName: true, role: true } });
    const event = await recordLifecycleEvent(tx, {
      conversation,
      name: leaving ? (joined ? 'ConsultAgentLeftPublicConversation' : 'ConsultAgentEndSession') : joined ? 'ConsultAgentRemoved' : 'AgentEndedConsult',
      agent: leaving ? consultant : input.agent,
    });
    return publishConversationChange(tx, conversation.id, [event]);
  });
}
