import { db as defaultDb, type Db, type Tx } from '../db/client';
import { episodeClosed } from '../db/sql/episodes';
import { transaction } from '../db/transaction';
import { conflict, forbidden } from '../errors/app-error';
import { canEnd, canForceClose } from '../shared/policies';
import type { ConversationSummary } from '../views/types';
import type { ActingViewer } from './agent';
import { recordLifecycleEvent, type LifecycleEventName } from './lifecycle';
import { publishConversationChange } from './publish';
import { hasCustomerLeft } from './customer-left';
import { insertActivity } from '../activities/new-activity';
import { recordAgentNote } from './agent-note';
import { endConsults } from './consult/end-consult';
import { settlePendingOffers } from './offers/offer-view';
import { publishAgentStatus } from './routing/agent-status';
import { recordSupervisorAction } from './supervise/record-action';
import { sendSurvey } from './survey/send-survey';
import { loadVisibleConversation } from './visible-conversation';
import { tellBot } from './bot/tell-bot';

/**
 * The owner ends the conversation (`AgentEndSession`), or a supervisor force-closes it
 * (`SupervisorForceClosedConversation`); either way the channel then hears `ConversationClosed`.
 * Seed 000 names two special cases of the owner's end: closing what the customer already left
 * (`AgentClosed`, the samples' close of the rep's session) and ending while consultants take part
 * in the customer conversation (`PrimaryAgentEndConversation`).
 */
export async function closeConversation(
  input: { conversationId: string; agent: ActingViewer; force?: boolean; /** Wrap-up note or force-close reason. */ note?: string },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  return transaction(db, async (tx) => {
    const conversation = await loadVisibleConversation(tx, input.conversationId, input.agent);
    if (conversation.state === 'closed') throw conflict('The conversation is already closed.', 'ConversationClosed');
    if (input.force) {
      if (!canForceClose(input.agent, conversation)) throw forbidden('Only supervisors can force a conversation closed.');
    } else if (!canEnd(input.agent, conversation)) {
      throw forbidden('Only the agent who owns the conversation can end it.', 'NotOwner');
    }
    const now = new Date();
    const updated = await tx.conversation.updateMany({
      where: { id: conversation.id, version: conversation.version },
      data: { state: 'closed', closedAt: now, version: { increment: 1 } },
    });
    if (updated.count === 0) throw conflict('The conversation changed; try again.');
    await episodeClosed(tx, conversation.id, now);
    const first = input.force ? 'SupervisorForceClosedConversation' : await ownersEnd(tx, conversation.id);
    const events = [];
    if (input.note) events.push(await recordAgentNote(tx, conversation.id, input.agent, input.note, input.force ? 'closeReason' : 'wrapUp'));
    await endConsults(tx, conversation.id);
    const offers = await settlePendingOffers(tx, conversation.id, 'cancelled');
    if (input.force) {
      await recordSupervisorAction(tx, { supervisor: input.agent, kind: 'forceClose', conversationId: conversation.id, agentId: conversation.ownerId, note: input.note });
    }
    for (const name of [first, 'ConversationClosed'] as const) {
      events.push(await recordLifecycleEvent(tx, { conversation, name, agent: input.agent }));
    }
    const told = await tellBot(tx, conversation.id, 'completed');
    if (told) events.push(told);
    // Before the end of conversation, which some Bot Framework clients stop reading at.
    const survey = await sendSurvey(tx, conversation);
    if (survey) events.push(survey);
    // What Bot Framework clients read as the end (Web Chat, Direct Line); channels with their own
    // lifecycle events (above) do not get it pushed.
    events.push(
      await insertActivity(tx, conversation.id, {
        type: 'endOfConversation',
        direction: 'outbound',
        fromRole: 'agent',
        raw: { type: 'endOfConversation', code: 'completedSuccessfully' },
      }),
    );
    const summary = await publishConversationChange(tx, conversation.id, events);
    const freed = [conversation.ownerId, ...offers.map((o) => o.agentId)].filter((id): id is string => id !== null);
    for (const agentId of new Set(freed)) await publishAgentStatus(tx, agentId);
    return summary;
  });
}

async function ownersEnd(tx: Tx, conversationId: string): Promise<LifecycleEventName> {
  if (await hasCustomerLeft(tx, conversationId)) return 'AgentClosed';
  const joined = await tx.consultant.count({ where: { conversationId, endedAt: null, joinedAt: { not: null } } });
  return joined > 0 ? 'PrimaryAgentEndConversation' : 'AgentEndSession';
}
