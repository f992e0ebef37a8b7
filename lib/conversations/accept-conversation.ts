import { db as defaultDb, type Db } from '../db/client';
import { episodeAccepted } from '../db/sql/episodes';
import { transaction } from '../db/transaction';
import { conflict } from '../errors/app-error';
import { canAccept } from '../shared/policies';
import type { ConversationSummary } from '../views/types';
import type { ActingViewer } from './agent';
import { recordLifecycleEvent } from './lifecycle';
import { publishConversationChange } from './publish';
import { loadSummary } from './summary';
import { settlePendingOffers } from './offers/offer-view';
import { publishAgentStatus } from './routing/agent-status';
import { loadVisibleConversation } from './visible-conversation';
import { tellBot } from './bot/tell-bot';

/**
 * Makes `agent` the owner of a waiting conversation. A conditional update on the state decides
 * races: of two reps accepting at once, one wins and the other gets 409 with the winner named.
 * The version the rep saw is not required to match: routing offering the conversation meanwhile
 * (queued → offered) must not turn a rep's Accept from `Unassigned` into a conflict.
 */
export async function acceptConversation(
  input: { conversationId: string; agent: ActingViewer },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  const current = await loadVisibleConversation(db, input.conversationId, input.agent, { owner: { select: { displayName: true } } });
  if (current.ownerId === input.agent.id && current.state === 'active') return loadSummary(db, current.id);
  if (!canAccept(current)) {
    throw conflict(
      current.owner ? `Already accepted by ${current.owner.displayName}.` : `The conversation is ${current.state}.`,
      'AlreadyAssigned',
    );
  }
  return transaction(db, async (tx) => {
    const now = new Date();
    const updated = await tx.conversation.updateMany({
      where: { id: current.id, state: { in: ['queued', 'offered'] } },
      data: { state: 'active', ownerId: input.agent.id, acceptedAt: now, unreadCount: 0, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const winner = await tx.conversation.findUnique({
        where: { id: current.id },
        select: { owner: { select: { displayName: true } } },
      });
      throw conflict(
        winner?.owner ? `Already accepted by ${winner.owner.displayName}.` : 'The conversation changed; try again.',
        'AlreadyAssigned',
      );
    }
    await episodeAccepted(tx, current.id, input.agent.id, now);
    // A routing offer is answered by whoever takes the conversation, from the offer or `Unassigned`.
    const offers = [
      ...(await settlePendingOffers(tx, current.id, 'accepted', { kinds: ['route'], agentId: input.agent.id })),
      ...(await settlePendingOffers(tx, current.id, 'cancelled', { kinds: ['route'] })),
    ];
    await tx.agent.update({ where: { id: input.agent.id }, data: { idleSince: new Date() } });
    const events = [];
    for (const name of ['AgentAssigned', 'AgentAccepted'] as const) {
      events.push(await recordLifecycleEvent(tx, { conversation: current, name, agent: input.agent }));
    }
    const told = await tellBot(tx, current.id, 'accepted');
    if (told) events.push(told);
    const summary = await publishConversationChange(tx, current.id, events);
    for (const agentId of new Set([input.agent.id, ...offers.map((o) => o.agentId)])) await publishAgentStatus(tx, agentId);
    return summary;
  });
}
