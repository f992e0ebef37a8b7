import type { Db, Tx } from '../../db/client';
import type { Offer } from '../../db/generated/client';
import { appendEvent } from '../../realtime/event-log';
import type { OfferView } from '../../views/types';

const offerRefs = {
  conversation: { select: { customerName: true, customerId: true, channel: { select: { kind: true } } } },
  fromAgent: { select: { displayName: true } },
  queue: { select: { name: true } },
} as const;

export async function loadOfferView(tx: Tx | Db, offerId: string): Promise<OfferView> {
  const row = await tx.offer.findUniqueOrThrow({ where: { id: offerId }, include: offerRefs });
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    conversationId: row.conversationId,
    agentId: row.agentId,
    fromName: row.fromAgent?.displayName ?? null,
    customerName: row.conversation.customerName ?? row.conversation.customerId ?? 'Customer',
    channel: row.conversation.channel.kind,
    queueName: row.queue?.name ?? null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** Tells every console (the target's above all) that an offer appeared or was answered. */
export async function publishOffer(tx: Tx, offer: Pick<Offer, 'id' | 'conversationId'>): Promise<OfferView> {
  const view = await loadOfferView(tx, offer.id);
  await appendEvent(tx, { type: 'offer.updated', conversationId: offer.conversationId, offer: view });
  return view;
}

/** Settles the pending offers of a conversation (all kinds, or the given ones) and publishes each. */
export async function settlePendingOffers(
  tx: Tx,
  conversationId: string,
  state: 'accepted' | 'declined' | 'expired' | 'cancelled',
  where: { kinds?: Offer['kind'][]; agentId?: string; exceptAgentId?: string } = {},
): Promise<Offer[]> {
  const offers = await tx.offer.findMany({
    where: {
      conversationId,
      state: 'pending',
      ...(where.kinds && { kind: { in: where.kinds } }),
      ...(where.agentId && { agentId: where.agentId }),
      ...(where.exceptAgentId && { agentId: { not: where.exceptAgentId } }),
    },
  });
  if (offers.length === 0) return [];
  await tx.offer.updateMany({ where: { id: { in: offers.map((o) => o.id) }, state: 'pending' }, data: { state, respondedAt: new Date() } });
  for (const offer of offers) await publishOffer(tx, offer);
  return offers;
}
