import { db as defaultDb, type Db, type Tx } from '../../db/client';
import { episodeConsulted, episodeTransferred } from '../../db/sql/episodes';
import { transaction } from '../../db/transaction';
import type { Offer } from '../../db/generated/client';
import { conflict, forbidden, notFound } from '../../errors/app-error';
import type { ConversationSummary, OfferView } from '../../views/types';
import { acceptConversation } from '../accept-conversation';
import type { ActingAgent, ActingViewer } from '../agent';
import { endConsults } from '../consult/end-consult';
import { recordLifecycleEvent, type LifecycleEventName } from '../lifecycle';
import { publishConversationChange } from '../publish';
import { publishAgentStatus } from '../routing/agent-status';
import { afterOfferEnded } from '../routing/route-waiting';
import { loadOfferView, publishOffer, settlePendingOffers } from './offer-view';

async function loadOwnOffer(db: Db | Tx, offerId: string, agent: ActingAgent): Promise<Offer> {
  const offer = await db.offer.findUnique({ where: { id: offerId } });
  if (!offer) throw notFound('No such offer.', 'OfferNotFound');
  if (offer.agentId !== agent.id) throw forbidden('This offer is for another agent.', 'NotYourOffer');
  if (offer.state !== 'pending') throw conflict(`The offer was already ${offer.state}.`, 'OfferNotPending');
  if (offer.expiresAt <= new Date()) throw conflict('The offer has expired.', 'OfferNotPending');
  return offer;
}

/** Marks a pending offer answered; false when someone or something answered it first. */
async function settle(tx: Tx, offer: Offer, state: 'accepted' | 'declined'): Promise<void> {
  const updated = await tx.offer.updateMany({ where: { id: offer.id, state: 'pending' }, data: { state, respondedAt: new Date() } });
  if (updated.count === 0) throw conflict('The offer was answered or withdrawn meanwhile.', 'OfferNotPending');
  await publishOffer(tx, offer);
}

export async function acceptOffer(input: { offerId: string; agent: ActingViewer }, db: Db = defaultDb()): Promise<ConversationSummary> {
  const offer = await loadOwnOffer(db, input.offerId, input.agent);
  if (offer.kind === 'route') return acceptConversation({ conversationId: offer.conversationId, agent: input.agent }, db);
  return transaction(db, async (tx) => {
    await settle(tx, offer, 'accepted');
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: offer.conversationId } });
    const events = [];
    if (offer.kind === 'transfer') {
      // The conversation moves only if it is still where the transfer started.
      const moved = await tx.conversation.updateMany({
        where: { id: conversation.id, state: 'active', ownerId: offer.fromAgentId },
        data: { ownerId: input.agent.id, acceptedAt: new Date(), version: { increment: 1 } },
      });
      if (moved.count === 0) throw conflict('The conversation moved on before the transfer was accepted.', 'TransferStale');
      await episodeTransferred(tx, conversation.id, input.agent.id);
      await endConsults(tx, conversation.id);
      await settlePendingOffers(tx, conversation.id, 'cancelled', { kinds: ['consult'] });
      events.push(await recordLifecycleEvent(tx, { conversation, name: 'TransferAgentAcceptSession', agent: input.agent }));
    } else {
      if (conversation.state !== 'active') throw conflict('The conversation is no longer active.', 'NotActive');
      await tx.consultant.upsert({
        where: { conversationId_agentId: { conversationId: conversation.id, agentId: input.agent.id } },
        create: { conversationId: conversation.id, agentId: input.agent.id },
        update: { startedAt: new Date(), joinedAt: null, endedAt: null },
      });
      await episodeConsulted(tx, conversation.id);
      events.push(await recordLifecycleEvent(tx, { conversation, name: 'ConsultAgentAcceptSession', agent: input.agent }));
    }
    const summary = await publishConversationChange(tx, conversation.id, events);
    for (const agentId of new Set([input.agent.id, offer.fromAgentId].filter((id): id is string => id !== null))) {
      await publishAgentStatus(tx, agentId);
    }
    return summary;
  });
}

const DECLINED: Record<Offer['kind'], LifecycleEventName | null> = {
  route: null,
  transfer: 'TransferAgentRejectSession',
  consult: 'ConsultAgentRejectSession',
};

export async function declineOffer(input: { offerId: string; agent: ActingAgent }, db: Db = defaultDb()): Promise<void> {
  const offer = await loadOwnOffer(db, input.offerId, input.agent);
  await transaction(db, async (tx) => {
    await settle(tx, offer, 'declined');
    await afterOfferEnded(tx, offer, DECLINED[offer.kind]);
  });
}

const WITHDRAWN: Record<Offer['kind'], LifecycleEventName | null> = {
  route: null,
  transfer: 'TransferToAgentFailed',
  consult: 'ConsultAgentFailed',
};

/** The owner who asked withdraws a transfer or consult request still waiting for an answer. */
export async function withdrawOffer(input: { offerId: string; agent: ActingAgent }, db: Db = defaultDb()): Promise<ConversationSummary> {
  return transaction(db, async (tx) => {
    const offer = await tx.offer.findUnique({ where: { id: input.offerId } });
    if (!offer) throw notFound('No such offer.', 'OfferNotFound');
    const event = WITHDRAWN[offer.kind];
    if (!event || offer.fromAgentId !== input.agent.id) throw forbidden('Only who asked can withdraw a request.', 'NotYourRequest');
    const updated = await tx.offer.updateMany({ where: { id: offer.id, state: 'pending' }, data: { state: 'cancelled', respondedAt: new Date() } });
    if (updated.count === 0) throw conflict('The request was already answered.', 'OfferNotPending');
    await publishOffer(tx, offer);
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: offer.conversationId } });
    const activity = await recordLifecycleEvent(tx, { conversation, name: event, agent: input.agent });
    const summary = await publishConversationChange(tx, conversation.id, [activity]);
    await publishAgentStatus(tx, offer.agentId);
    return summary;
  });
}

/** The offers waiting for this agent's answer (their console lists them on load). */
export async function pendingOffersFor(agentId: string, db: Db = defaultDb()): Promise<OfferView[]> {
  const offers = await db.offer.findMany({
    where: { agentId, state: 'pending', expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return Promise.all(offers.map((offer) => loadOfferView(db, offer.id)));
}
