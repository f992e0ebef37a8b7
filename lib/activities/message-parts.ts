// How one rep message goes out on its channel: checked against the channel's rules, and split where
// the channel would split it anyway (Teams shows text + attachment as two messages: send two).
import type { Tx } from '../db/client';
import type { Conversation } from '../db/generated/client';
import { checkTeamsMessage } from '../channels/teams/rules';
import type { AdaptiveCard, CardAction } from '../protocol/rich-content';

export interface MessageContent {
  text: string;
  attachmentIds: string[];
  suggestedActions: CardAction[];
  cards: AdaptiveCard[];
}

export async function planMessageParts(
  tx: Tx,
  conversation: Pick<Conversation, 'id' | 'outboundChannelId' | 'channelData'>,
  content: MessageContent,
): Promise<MessageContent[]> {
  const channel = conversation.outboundChannelId
    ? await tx.channel.findUnique({ where: { id: conversation.outboundChannelId }, select: { kind: true } })
    : null;
  if (channel?.kind !== 'teams') return [content];
  const files = await tx.attachment.findMany({
    where: { id: { in: content.attachmentIds }, conversationId: conversation.id },
    select: { name: true, contentType: true, bytes: true },
  });
  checkTeamsMessage({
    conversationType: (conversation.channelData as { conversationType?: string } | null)?.conversationType ?? null,
    files,
    hasCards: content.cards.length > 0,
    suggestedActions: content.suggestedActions,
  });
  const hasAttachments = content.attachmentIds.length > 0 || content.cards.length > 0;
  if (!content.text || !hasAttachments) return [content];
  return [
    { ...content, attachmentIds: [], cards: [] },
    { text: '', attachmentIds: content.attachmentIds, cards: content.cards, suggestedActions: [] },
  ];
}
