// A rep writes to a customer first (seed 003 "start conversation"), from a conversation's customer
// panel, to someone its channel can reach (the adapter's `reachFirst`). The conversation the channel
// names (new, or an earlier one with that customer) becomes the rep's, with the rep's message in it.
import { agentMessageKey, storeAgentMessage, type AgentMessageInput } from '../activities/send-agent-message';
import { channelAdapter } from '../channels/registry';
import { db as defaultDb, type Db, type Tx } from '../db/client';
import { transaction } from '../db/transaction';
import type { ChannelKind, Conversation } from '../db/generated/client';
import { isUniqueViolation } from '../db/prisma-errors';
import { conflict, notFound } from '../errors/app-error';
import { attachmentRefs, toActivityView } from '../views/map';
import type { ActivityView, ReachFirstView } from '../views/types';
import type { ActingAgent, ActingViewer } from './agent';
import { cachedDefaultQueueId } from './defaults';
import { openConversation } from './open-conversation';
import { loadVisibleConversation } from './visible-conversation';

/** Whom the rep may write to first from this conversation, as the customer panel shows it. */
export async function reachFirstOf(db: Db, conversation: Conversation, kind: ChannelKind): Promise<ReachFirstView> {
  const reach = channelAdapter(kind).reachFirst;
  if (!reach) return { possible: false, customers: [] };
  return { possible: true, customers: await reach.candidates(db, conversation) };
}

/** The rep takes the conversation: a new (pending) or closed one; one already theirs stays so. */
async function claim(tx: Tx, conversationId: string, agent: ActingAgent, queueId: string): Promise<void> {
  const claimed = await tx.conversation.updateMany({
    where: { id: conversationId, state: { in: ['pending', 'closed'] } },
    data: { state: 'active', ownerId: agent.id, queueId, acceptedAt: new Date(), unreadCount: 0, version: { increment: 1 } },
  });
  if (claimed.count > 0) return;
  const current = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { owner: { select: { displayName: true } } } });
  if (current.state === 'active' && current.ownerId === agent.id) return;
  throw conflict(
    current.owner ? `The customer is already in a conversation with ${current.owner.displayName}.` : 'The customer is waiting in a queue: accept that conversation instead.',
    'AlreadyAssigned',
  );
}

export interface StartConversationInput {
  /** The conversation whose customer panel the rep started from. */
  fromConversationId: string;
  /** The channel's id for the person (one of `reachFirstOf`'s customers). */
  customerId: string;
  agent: ActingViewer;
  message: Pick<AgentMessageInput, 'text' | 'clientId' | 'template'>;
}

export async function startConversation(input: StartConversationInput, db: Db = defaultDb()): Promise<{ conversationId: string; activity: ActivityView }> {
  // The same browser id again (a retried request) answers what the first one did.
  const dedupeKey = agentMessageKey(input.agent.id, input.message.clientId);
  const previous = await db.activity.findUnique({ where: { dedupeKey }, include: attachmentRefs });
  if (previous) return { conversationId: previous.conversationId, activity: toActivityView(previous) };

  const source = await loadVisibleConversation(db, input.fromConversationId, input.agent, { channel: { select: { kind: true } } });
  const kind = source.channel.kind;
  const reach = channelAdapter(kind).reachFirst;
  if (!reach) throw conflict(`Customers on ${kind} cannot be reached first: the conversation starts when they write.`, 'NotReachableFirst');
  const customer = (await reach.candidates(db, source)).find((candidate) => candidate.id === input.customerId);
  if (!customer) throw notFound('No one by that id in this conversation can be reached on its channel.');

  const started = await reach.open(db, source, customer);
  const opened = await openConversation(db, {
    channel: kind,
    externalId: started.externalId,
    customerId: started.customerId,
    customerName: started.customerName,
    serviceUrl: started.serviceUrl ?? null,
    channelData: started.channelData,
    outboundChannelId: source.outboundChannelId,
  });
  const queueId = source.queueId ?? (await cachedDefaultQueueId(db));
  try {
    const activity = await transaction(db, async (tx) => {
      await claim(tx, opened.id, input.agent, queueId);
      if (started.serviceUrl) await tx.conversation.update({ where: { id: opened.id }, data: { serviceUrl: started.serviceUrl } });
      return storeAgentMessage(tx, { ...input.message, conversationId: opened.id, agent: input.agent });
    });
    return { conversationId: opened.id, activity };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const stored = await db.activity.findUniqueOrThrow({ where: { dedupeKey }, include: attachmentRefs });
    return { conversationId: stored.conversationId, activity: toActivityView(stored) };
  }
}
