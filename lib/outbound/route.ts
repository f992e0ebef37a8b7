import type { Tx } from '../db/client';
import type { Conversation, DeliveryState } from '../db/generated/client';
import { enqueueDelivery } from './enqueue';

/** Conversations with an outbound channel are pushed to it; the others are read by the customer's client. */
export function initialDeliveryState(conversation: Pick<Conversation, 'outboundChannelId'>): DeliveryState {
  return conversation.outboundChannelId ? 'sending' : 'sent';
}

/** Queues the activity for the conversation's outbound channel, if it has one (same transaction). */
export async function routeOutbound(
  tx: Tx,
  conversation: Pick<Conversation, 'id' | 'outboundChannelId'>,
  activityId: string,
): Promise<void> {
  if (!conversation.outboundChannelId) return;
  await enqueueDelivery(tx, { activityId, conversationId: conversation.id, channelId: conversation.outboundChannelId });
}
