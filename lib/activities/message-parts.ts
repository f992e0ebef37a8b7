// How one rep message goes out on its channel: checked against the channel's rules, and split where
// the channel would split it anyway (Teams shows text + attachment as two messages: send two).
import type { Tx } from '../db/client';
import type { Conversation } from '../db/generated/client';
import { checkTeamsMessage } from '../channels/teams/rules';
import { badRequest, conflict } from '../errors/app-error';
import type { AdaptiveCard, CardAction } from '../protocol/rich-content';
import { checkUpload } from '../shared/upload-limits';

export interface MessageContent {
  text: string;
  attachmentIds: string[];
  suggestedActions: CardAction[];
  cards: AdaptiveCard[];
}

export async function planMessageParts(
  tx: Tx,
  conversation: Pick<Conversation, 'id' | 'outboundChannelId' | 'channelData' | 'lastInboundAt'>,
  content: MessageContent,
): Promise<MessageContent[]> {
  const channel = conversation.outboundChannelId
    ? await tx.channel.findUnique({ where: { id: conversation.outboundChannelId }, select: { kind: true } })
    : null;
  if (channel?.kind === 'whatsapp') {
    const files = await tx.attachment.findMany({
      where: { id: { in: content.attachmentIds }, conversationId: conversation.id },
      select: { name: true, contentType: true, size: true },
    });
    for (const file of files) {
      const refusal = checkUpload('whatsapp', { type: file.contentType, size: file.size });
      if (refusal) {
        const why = refusal.code === 'tooLarge' ? `is larger than ${refusal.maxBytes / 1024 / 1024} MB, the most WhatsApp takes for it` : 'is of a type WhatsApp does not take';
        throw badRequest('NotAcceptedByWhatsApp', `${file.name ?? 'The file'} ${why}.`);
      }
    }
    return planWhatsApp(conversation, content);
  }
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

/** WhatsApp lets a business answer freely for 24 hours after the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

function planWhatsApp(conversation: Pick<Conversation, 'lastInboundAt'>, content: MessageContent): MessageContent[] {
  const opened = conversation.lastInboundAt?.getTime() ?? 0;
  if (Date.now() - opened > WHATSAPP_WINDOW_MS) {
    throw conflict(
      "WhatsApp's 24-hour customer service window is closed: a free-form reply can only follow a customer message from the last 24 hours. The customer has to write again.",
      'CustomerServiceWindowClosed',
    );
  }
  // WhatsApp has no Adaptive Cards: refuse rather than drop them silently.
  if (content.cards.length > 0) throw badRequest('NotAcceptedByWhatsApp', 'WhatsApp does not show Adaptive Cards.');
  // One file per WhatsApp message; the text travels as the first file's caption.
  if (content.attachmentIds.length <= 1) return [content];
  return content.attachmentIds.map((id, index) => ({ text: index === 0 ? content.text : '', attachmentIds: [id], suggestedActions: [], cards: [] }));
}
