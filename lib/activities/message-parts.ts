// How one rep message goes out on its channel: the channel's adapter checks it against the
// channel's rules and splits it where the channel would split it anyway.
import type { Tx } from '../db/client';
import { badRequest } from '../errors/app-error';
import { channelAdapter } from '../channels/registry';
import type { MessageContent, PlanningConversation } from '../channels/adapter';

export type { MessageContent };

export async function planMessageParts(tx: Tx, conversation: PlanningConversation, content: MessageContent): Promise<MessageContent[]> {
  const channel = conversation.outboundChannelId
    ? await tx.channel.findUnique({ where: { id: conversation.outboundChannelId }, select: { kind: true } })
    : null;
  const adapter = channel ? channelAdapter(channel.kind) : null;
  if (content.template && !adapter?.listTemplates) throw badRequest('NoTemplates', 'This channel has no message templates; write the message instead.');
  return adapter ? adapter.planMessage(tx, conversation, content) : [content];
}
