import { db as defaultDb, type Db } from '../../db/client';
import { tellBot } from '../bot/tell-bot';
import { episodeAccepted, episodeTransferred } from '../../db/sql/episodes';
import { transaction } from '../../db/transaction';
import { conflict, forbidden, notFound } from '../../errors/app-error';
import { canSupervise } from '../../shared/policies';
import type { ConversationSummary } from '../../views/types';
import type { ActingViewer } from '../agent';
import { endConsults } from '../consult/end-consult';
import { recordLifecycleEvent } from '../lifecycle';
import { settlePendingOffers } from '../offers/offer-view';
import { publishConversationChange } from '../publish';
import { publishAgentStatus } from '../routing/agent-status';
import { loadVisibleConversation } from '../visible-conversation';
import { recordSupervisorAction } from './record-action';

/**
 * A supervisor takes a conversation over (the new owner is the supervisor) or reassigns it to an
 * agent at once, without asking: the previous owner loses it, pending requests are withdrawn.
 */
export async function assignConversation(
  input: { conversationId: string; supervisor: ActingViewer; agentId: string; note?: string },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  if (!canSupervise(input.supervisor)) throw forbidden('Only supervisors take over or reassign conversations.', 'SupervisorsOnly');
  return transaction(db, async (tx) => {
    const conversation = await loadVisibleConversation(tx, input.conversationId, input.supervisor);
    if (conversation.state === 'closed') throw conflict('The conversation is closed.', 'ConversationClosed');
    if (conversation.ownerId === input.agentId && conversation.state === 'active') throw conflict('The conversation is already theirs.', 'SameAgent');
    const target = await tx.agent.findUnique({ where: { id: input.agentId }, select: { id: true, displayName: true, role: true, active: true } });
    if (!target || !target.active) throw notFound('No such agent.', 'AgentNotFound');
    const now = new Date();
    const moved = await tx.conversation.updateMany({
      where: { id: conversation.id, version: conversation.version },
      data: { state: 'active', ownerId: target.id, acceptedAt: now, version: { increment: 1 } },
    });
    if (moved.count === 0) throw conflict('The conversation changed; try again.');
    // Taking a waiting conversation is its acceptance; moving someone's is a transfer too.
    await episodeAccepted(tx, conversation.id, target.id, now);
    if (conversation.ownerId) await episodeTransferred(tx, conversation.id, target.id);
    await endConsults(tx, conversation.id);
    const offers = await settlePendingOffers(tx, conversation.id, 'cancelled');
    const takeOver = target.id === input.supervisor.id;
    await recordSupervisorAction(tx, {
      supervisor: input.supervisor,
      kind: takeOver ? 'takeOver' : 'reassign',
      conversationId: conversation.id,
      agentId: takeOver ? conversation.ownerId : target.id,
      note: input.note,
    });
    const event = await recordLifecycleEvent(tx, { conversation, name: 'AgentAssigned', agent: target });
    const told = await tellBot(tx, conversation.id, 'accepted');
    const summary = await publishConversationChange(tx, conversation.id, told ? [event, told] : [event]);
    const affected = [conversation.ownerId, target.id, ...offers.map((o) => o.agentId)].filter((id): id is string => id !== null);
    for (const agentId of new Set(affected)) await publishAgentStatus(tx, agentId);
    return summary;
  });
}
