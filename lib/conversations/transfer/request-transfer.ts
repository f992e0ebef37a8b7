import { db as defaultDb, type Db, type Tx } from '../../db/client';
import type { Activity, Conversation } from '../../db/generated/client';
import { episodeTransferred } from '../../db/sql/episodes';
import { transaction } from '../../db/transaction';
import { conflict, notFound } from '../../errors/app-error';
import type { ConversationSummary } from '../../views/types';
import { canSupervise, isSupervising } from '../../shared/policies';
import type { ActingAgent, ActingViewer } from '../agent';
import { recordAgentNote } from '../agent-note';
import { endConsults } from '../consult/end-consult';
import { recordLifecycleEvent } from '../lifecycle';
import { publishOffer, settlePendingOffers } from '../offers/offer-view';
import { loadOwnedConversation, reachColleague } from '../owned-conversation';
import { refuse, unlessRefused } from '../refusal';
import { publishConversationChange } from '../publish';
import { publishAgentStatus } from '../routing/agent-status';
import { assignConversation } from '../supervise/assign-conversation';
import { recordSupervisorAction } from '../supervise/record-action';

export type TransferTarget = { agentId: string } | { queueId: string };

/**
 * Transfer to a queue moves the conversation there at once (routing offers it on); transfer to an
 * agent asks them first, and the conversation stays with its owner until they accept. A transfer
 * that cannot be made (no such queue, nobody in it; the agent gone, deactivated or without the
 * console open) is recorded as failed and answered with the reason.
 */
export async function requestTransfer(
  input: { conversationId: string; agent: ActingViewer; to: TransferTarget; note?: string; expiresInMs: number },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  // A supervisor moving someone else's conversation to an agent reassigns it outright.
  if ('agentId' in input.to && canSupervise(input.agent)) {
    const owner = await db.conversation.findUnique({ where: { id: input.conversationId }, select: { ownerId: true } });
    if (owner && isSupervising(input.agent, owner)) {
      return assignConversation({ conversationId: input.conversationId, supervisor: input.agent, agentId: input.to.agentId, note: input.note }, db);
    }
  }
  const result = await transaction(db, async (tx) => {
    const conversation = await loadOwnedConversation(tx, input.conversationId, input.agent);
    const events: Activity[] = [];
    if ('queueId' in input.to) {
      const queue = await tx.queue.findUnique({ where: { id: input.to.queueId }, select: { id: true, name: true, _count: { select: { members: { where: { agent: { active: true } } } } } } });
      const unreachable = !queue
        ? notFound('No such queue.', 'QueueNotFound')
        : queue._count.members === 0
          ? conflict(`Nobody works the ${queue.name} queue.`, 'QueueEmpty')
          : null;
      if (unreachable) return refuse(tx, { conversation, name: 'TransferToQueueFailed', agent: input.agent, error: unreachable });
      await recordRequest(tx, conversation, input, events);
      const moved = await tx.conversation.updateMany({
        where: { id: conversation.id, version: conversation.version },
        data: { state: 'queued', ownerId: null, queueId: queue!.id, queuedAt: new Date(), acceptedAt: null, version: { increment: 1 } },
      });
      if (moved.count === 0) throw conflict('The conversation changed; try again.');
      // The conversation waits again, but its episode keeps its entry and first acceptance.
      await episodeTransferred(tx, conversation.id);
      events.push(await recordLifecycleEvent(tx, { conversation, name: 'TransferToQueueInitiated', agent: input.agent }));
      await endConsults(tx, conversation.id);
      const offers = await settlePendingOffers(tx, conversation.id, 'cancelled');
      const summary = await publishConversationChange(tx, conversation.id, events);
      const affected = [conversation.ownerId, ...offers.map((o) => o.agentId)].filter((id): id is string => id !== null);
      for (const agentId of new Set(affected)) await publishAgentStatus(tx, agentId);
      return summary;
    }

    if (input.to.agentId === conversation.ownerId) throw conflict('The conversation is already theirs.', 'SameAgent');
    const pending = await tx.offer.findFirst({ where: { conversationId: conversation.id, kind: 'transfer', state: 'pending' } });
    if (pending) throw conflict('A transfer is already waiting for an answer.', 'TransferPending');
    const reached = await reachColleague(tx, input.to.agentId, input.agent);
    if ('unreachable' in reached) return refuse(tx, { conversation, name: 'TransferToAgentFailed', agent: input.agent, error: reached.unreachable });
    const { target } = reached;
    await recordRequest(tx, conversation, input, events);
    const offer = await tx.offer.create({
      data: {
        conversationId: conversation.id,
        agentId: target.id,
        kind: 'transfer',
        fromAgentId: input.agent.id,
        note: input.note ?? null,
        expiresAt: new Date(Date.now() + input.expiresInMs),
      },
    });
    events.push(await recordLifecycleEvent(tx, { conversation, name: 'TransferToAgentInitiated', agent: input.agent }));
    await publishOffer(tx, offer);
    const summary = await publishConversationChange(tx, conversation.id, events);
    await publishAgentStatus(tx, target.id);
    return summary;
  });
  return unlessRefused(result);
}

/** What every transfer that goes ahead records first: the supervisor's action, the note. */
async function recordRequest(
  tx: Tx,
  conversation: Conversation,
  input: { agent: ActingAgent; note?: string },
  events: Activity[],
): Promise<void> {
  if (isSupervising(input.agent, conversation)) {
    await recordSupervisorAction(tx, {
      supervisor: input.agent,
      kind: 'transfer',
      conversationId: conversation.id,
      agentId: conversation.ownerId,
      note: input.note,
    });
  }
  if (input.note) events.push(await recordAgentNote(tx, conversation.id, input.agent, input.note, 'transferNote'));
}
