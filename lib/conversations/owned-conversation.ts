import type { Tx } from '../db/client';
import type { Agent, Conversation } from '../db/generated/client';
import { conflict, forbidden, notFound, type AppError } from '../errors/app-error';
import { actsForOwner } from '../shared/policies';
import type { ActingAgent, ActingViewer } from './agent';
import { loadVisibleConversation } from './visible-conversation';

/**
 * The conversation a transfer or consult starts from: active, and the acting agent's own (or a
 * supervisor's to act on: `actsForOwner`, the part of `canTransfer` that is not the state).
 */
export async function loadOwnedConversation(tx: Tx, conversationId: string, agent: ActingViewer): Promise<Conversation> {
  const conversation = await loadVisibleConversation(tx, conversationId, agent);
  if (conversation.state === 'closed') throw conflict('The conversation is closed.', 'ConversationClosed');
  if (!actsForOwner(agent, conversation)) {
    throw forbidden('Only the agent who owns the conversation can do this.', 'NotOwner');
  }
  if (conversation.state !== 'active') throw conflict('Accept the conversation first.', 'NotActive');
  return conversation;
}

/**
 * A colleague to ask (transfer, consult): any active account but oneself whose console is open now.
 * Presence is shown in the dialogs, not enforced: an Away colleague may still answer before the
 * request times out; but nobody answers with the console closed (or the account deactivated), so
 * such a request cannot be made and is answered with `unreachable` (the caller records it failed).
 */
export async function reachColleague(
  tx: Tx,
  agentId: string,
  self: ActingAgent,
): Promise<{ target: Pick<Agent, 'id' | 'displayName' | 'role'> } | { unreachable: AppError }> {
  if (agentId === self.id) throw conflict('Choose another agent.', 'SameAgent');
  const target = await tx.agent.findUnique({ where: { id: agentId }, select: { id: true, displayName: true, role: true, active: true, connectedUntil: true } });
  if (!target) return { unreachable: notFound('No such agent.', 'AgentNotFound') };
  if (!target.active) return { unreachable: conflict(`${target.displayName}'s account is deactivated.`, 'AgentUnavailable') };
  if (!target.connectedUntil || target.connectedUntil <= new Date()) {
    return { unreachable: conflict(`${target.displayName} does not have the console open.`, 'AgentUnavailable') };
  }
  return { target: { id: target.id, displayName: target.displayName, role: target.role } };
}
