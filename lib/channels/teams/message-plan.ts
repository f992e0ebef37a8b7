// A rep's message to Teams: checked against Teams' rules before anything is queued, and split the
// way Teams would show it anyway (text + attachment arrive as two messages: send two).
import { planningFiles } from '../../attachments/planning-files';
import type { ChannelAdapter } from '../adapter';
import { checkTeamsMessage } from './rules';

export const planTeamsMessage: ChannelAdapter['planMessage'] = async (tx, conversation, content) => {
  const files = await planningFiles(tx, conversation.id, content.attachmentIds, { bytes: true });
  checkTeamsMessage({
    conversationType: (conversation.channelData as { conversationType?: string } | null)?.conversationType ?? null,
    files,
    suggestedActions: content.suggestedActions,
  });
  const hasAttachments = content.attachmentIds.length > 0 || content.cards.length > 0;
  if (!content.text || !hasAttachments) return [content];
  // Suggested actions go with the last message (a card's): Teams drops them once another message follows.
  return [
    { ...content, attachmentIds: [], cards: [], suggestedActions: [] },
    { text: '', attachmentIds: content.attachmentIds, cards: content.cards, suggestedActions: content.suggestedActions },
  ];
};
