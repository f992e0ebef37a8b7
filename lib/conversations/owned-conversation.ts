import type { Tx } from '../db/client';
import type { Agent, Conversation } from '../db/generated/client';
import { conflict, forbidden, notFound } from '../errors/app-error';
import type { ActingAgent } from './agent';

/** The conversation a transfer or consult starts from: active, and the acting agent's own. */
export async function loadOwnedConversation(tx: Tx, conversationId: string, agent: ActingAgent): Promise<Conversation> {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId } });
  if (!conversation || conversation.state === 'pending') throw notFound('Conversation not found.');
  if (conversation.state === 'closed') throw conflict('The conversation is closed.', 'ConversationClosed');
  if (conversation.ownerId !== agent.id && agent.role === 'agent') {
    throw forbidden('Only the agent who owns the conversation can do this.', 'NotOwner');
  }
  if (conversation.state !== 'active') throw conflict('Accept the conversation first.', 'NotActive');
  return conversation;
}

/**
 * A colleague to ask (transfer, consult): any active account but oneself. Presence is shown in the
 * dialogs, not enforced: an Away colleague may still answer before the request times out.
 */
export async function loadColleague(tx: Tx, agentId: string, self: ActingAgent): Promise<Pick<Agent, 'id' | 'displayName' | 'role'>> {
  const target = await tx.agent.findUnique({ where: { id: agentId }, select: { id: true, displayName: true, role: true, active: true } });
  if (!target || !target.active) throw notFound('No such agent.', 'AgentNotFound');
  if (target.id === self.id) throw conflict('Choose another agent.', 'SameAgent');
  return target;
}
