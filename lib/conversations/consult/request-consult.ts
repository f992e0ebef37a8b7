import { db as defaultDb, type Db } from '../../db/client';
import { transaction } from '../../db/transaction';
import { conflict, forbidden } from '../../errors/app-error';
import { canConsult } from '../../shared/policies';
import type { ConversationSummary } from '../../views/types';
import type { ActingViewer } from '../agent';
import { recordAgentNote } from '../agent-note';
import { recordLifecycleEvent } from '../lifecycle';
import { publishOffer } from '../offers/offer-view';
import { loadOwnedConversation, reachColleague } from '../owned-conversation';
import { refuse, unlessRefused } from '../refusal';
import { publishConversationChange } from '../publish';

/**
 * The owner asks a colleague to consult: they accept or decline, or the request times out; a request
 * that cannot be made (see `reachColleague`) is recorded as `ConsultAgentFailed`.
 */
export async function requestConsult(
  input: { conversationId: string; agent: ActingViewer; targetId: string; note?: string; expiresInMs: number },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  const result = await transaction(db, async (tx) => {
    const conversation = await loadOwnedConversation(tx, input.conversationId, input.agent);
    // The consult is the owner's private thread: supervisors take over or reassign instead.
    if (!canConsult(input.agent, conversation)) throw forbidden('Only the agent who owns the conversation asks for a consult.', 'NotOwner');
    if (input.targetId === conversation.ownerId) throw conflict('The owner cannot consult on their own conversation.', 'SameAgent');
    const [consulting, asked] = await Promise.all([
      tx.consultant.findFirst({ where: { conversationId: conversation.id, agentId: input.targetId, endedAt: null }, include: { agent: { select: { displayName: true } } } }),
      tx.offer.findFirst({ where: { conversationId: conversation.id, agentId: input.targetId, kind: 'consult', state: 'pending' }, include: { agent: { select: { displayName: true } } } }),
    ]);
    if (consulting) throw conflict(`${consulting.agent.displayName} is already consulting.`, 'AlreadyConsulting');
    if (asked) throw conflict(`${asked.agent.displayName} has not answered the last request yet.`, 'ConsultPending');
    const reached = await reachColleague(tx, input.targetId, input.agent);
    if ('unreachable' in reached) return refuse(tx, { conversation, name: 'ConsultAgentFailed', agent: input.agent, error: reached.unreachable });
    const { target } = reached;
    const offer = await tx.offer.create({
      data: {
        conversationId: conversation.id,
        agentId: target.id,
        kind: 'consult',
        fromAgentId: input.agent.id,
        note: input.note ?? null,
        expiresAt: new Date(Date.now() + input.expiresInMs),
      },
    });
    const events = [await recordLifecycleEvent(tx, { conversation, name: 'ConsultAgentInitiated', agent: input.agent })];
    if (input.note) events.push(await recordAgentNote(tx, conversation.id, input.agent, input.note, 'consultNote'));
    await publishOffer(tx, offer);
    return publishConversationChange(tx, conversation.id, events);
  });
  return unlessRefused(result);
}
