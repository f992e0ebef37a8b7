// How one rep message goes out on its channel: the channel's adapter checks it against the
// channel's rules and splits it where the channel would split it anyway.
import type { Tx } from '../db/client';
import { channelAdapter } from '../channels/registry';
import type { MessageContent, PlanningConversation } from '../channels/adapter';

export type { MessageContent };

export async function planMessageParts(tx: Tx, conversation: PlanningConversation, content: MessageContent): Promise<MessageContent[]> {
  if (!conversation.outboundChannelId) return [content];
  const channel = await tx.channel.findUnique({ where: { id: conversation.outboundChannelId }, select: { kind: true } });
  return channel ? channelAdapter(channel.kind).planMessage(tx, conversation, content) : [content];
}
