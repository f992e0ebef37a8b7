// Stored activities → the custom messaging channel's wire shapes (seed 000, PROTOCOLS.md §3–4).
import type { Activity } from '../../db/generated/client';
import { channelCardsOf, suggestedActionsOf, type CardAction } from '../../protocol/rich-content';

/** Seed 000's field table: string fields at most 256 characters. */
const cap = (value: string) => value.slice(0, 256);

export interface WireAttachment {
  contentType: string;
  contentUrl: string;
  name: string | null;
}

export interface CustomChannelActivity {
  /** Our activity id, so the receiver can drop a repeated delivery. */
  id: string;
  type: 'message' | 'typing';
  channelId: string;
  from?: { id: string; name?: string };
  recipient?: { id: string };
  conversation: { id: string };
  textFormat?: 'markdown';
  text?: string;
  name?: string;
  attachments?: { contentType: string; contentUrl: string | null; content: object | null; name: string | null; thumbnailUrl: null }[];
  suggestedActions?: { actions: CardAction[] };
}

export function lifecycleText(name: string): string {
  return `EventName: **_${name}_**`;
}

export function toCustomChannelActivity(input: {
  activity: Activity;
  channelId: string;
  conversationId: string;
  attachments: WireAttachment[];
}): CustomChannelActivity {
  const { activity } = input;
  const base = { id: activity.id, channelId: cap(input.channelId), conversation: { id: cap(input.conversationId) } };
  if (activity.type === 'event' && activity.name) {
    return {
      ...base,
      type: 'message',
      ...(activity.agentId && { from: { id: cap(activity.agentId) } }),
      text: lifecycleText(cap(activity.name)),
      name: cap(activity.name),
    };
  }
  const cards = channelCardsOf(activity.raw).map((card) => ({
    contentType: card.contentType,
    contentUrl: null,
    content: card.content,
    name: null,
    thumbnailUrl: null,
  }));
  const files = input.attachments.map((attachment) => ({
    contentType: cap(attachment.contentType),
    contentUrl: attachment.contentUrl,
    content: null,
    name: attachment.name === null ? null : cap(attachment.name),
    thumbnailUrl: null,
  }));
  const actions = suggestedActionsOf(activity.raw);
  return {
    ...base,
    type: 'message',
    from: { id: cap(activity.agentId ?? activity.fromId ?? 'agent'), name: cap(activity.fromName ?? 'Agent') },
    textFormat: 'markdown',
    ...(activity.text && { text: activity.text }),
    ...(cards.length + files.length > 0 && { attachments: [...cards, ...files] }),
    ...(actions.length > 0 && { suggestedActions: { actions } }),
  };
}

export function typingActivity(input: { id: string; channelId: string; conversationId: string; recipientId: string }): CustomChannelActivity {
  return {
    id: input.id,
    type: 'typing',
    channelId: cap(input.channelId),
    conversation: { id: cap(input.conversationId) },
    recipient: { id: cap(input.recipientId) },
  };
}
