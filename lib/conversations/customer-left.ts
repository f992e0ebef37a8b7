// The customer left or closed the chat (a Direct Line client's `endOfConversation`, a channel's
// `conversationUpdate` removing the customer, …). Seed 000 names two situations: the customer left
// a conversation a rep has (`CustomerDisconnected`: it stays with the rep, who closes it), or left
// while still waiting for one (`CustomerDisconnectedAgentWaiting`: nobody is left to help, so it
// closes). A customer who writes again reopens it as any closed conversation.
import type { Tx } from '../db/client';
import { db as defaultDb, type Db } from '../db/client';
import { episodeClosed } from '../db/sql/episodes';
import { transaction } from '../db/transaction';
import { recordLifecycleEvent } from './lifecycle';
import { settlePendingOffers } from './offers/offer-view';
import { publishConversationChange } from './publish';
import { publishAgentStatus } from './routing/agent-status';

const LEFT_EVENTS = ['CustomerDisconnected', 'CustomerDisconnectedAgentWaiting'];

/** Whether the customer's last word was leaving: a left event after their last message. */
export async function hasCustomerLeft(tx: Tx | Db, conversationId: string): Promise<boolean> {
  const last = await tx.activity.findFirst({
    where: { conversationId, OR: [{ direction: 'inbound', type: 'message' }, { type: 'event', name: { in: LEFT_EVENTS } }] },
    orderBy: { seq: 'desc' },
    select: { type: true },
  });
  return last?.type === 'event';
}

export type CustomerLeftOutcome = 'recorded' | 'ignored';

/** Records that the customer left, once per leaving; a conversation not (or no longer) open ignores it. */
export async function customerLeft(input: { conversationId: string }, db: Db = defaultDb()): Promise<CustomerLeftOutcome> {
  return transaction(db, async (tx) => {
    const conversation = await tx.conversation.findUnique({ where: { id: input.conversationId } });
    if (!conversation || conversation.state === 'pending' || conversation.state === 'closed') return 'ignored';
    if (await hasCustomerLeft(tx, conversation.id)) return 'ignored';
    // Nobody has it yet: it leaves the queue (a rep taking it meanwhile wins; then it is theirs).
    const now = new Date();
    const closed =
      (conversation.state === 'queued' || conversation.state === 'offered') &&
      (
        await tx.conversation.updateMany({
          where: { id: conversation.id, state: { in: ['queued', 'offered'] } },
          data: { state: 'closed', closedAt: now, version: { increment: 1 } },
        })
      ).count > 0;
    const events = [];
    const offers = closed ? await settlePendingOffers(tx, conversation.id, 'cancelled') : [];
    if (closed) {
      await episodeClosed(tx, conversation.id, now);
      events.push(await recordLifecycleEvent(tx, { conversation, name: 'CustomerDisconnectedAgentWaiting' }));
      events.push(await recordLifecycleEvent(tx, { conversation, name: 'ConversationClosed' }));
    } else {
      events.push(await recordLifecycleEvent(tx, { conversation, name: 'CustomerDisconnected' }));
    }
    await publishConversationChange(tx, conversation.id, events);
    for (const agentId of new Set(offers.map((offer) => offer.agentId))) await publishAgentStatus(tx, agentId);
    return 'recorded';
  });
}
