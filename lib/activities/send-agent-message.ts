import { db as defaultDb, type Db, type Tx } from '../db/client';
import { episodeResponded } from '../db/sql/episodes';
import { transaction } from '../db/transaction';
import type { Prisma } from '../db/generated/client';
import { isUniqueViolation } from '../db/prisma-errors';
import type { ActingViewer } from '../conversations/agent';
import { publishConversationChange } from '../conversations/publish';
import { loadVisibleConversation } from '../conversations/visible-conversation';
import { badRequest, conflict, forbidden } from '../errors/app-error';
import { initialDeliveryState, routeOutbound } from '../outbound/route';
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard, type CardAction } from '../protocol/rich-content';
import { canReply } from '../shared/policies';
import { attachmentRefs, toActivityView } from '../views/map';
import type { ActivityView, TemplateMessage } from '../views/types';
import { planMessageParts, type MessageContent } from './message-parts';
import { insertActivity } from './new-activity';

export interface AgentMessageInput {
  conversationId: string;
  agent: ActingViewer;
  text: string;
  /** Files uploaded to this conversation beforehand, sent with the message. */
  attachmentIds?: string[];
  suggestedActions?: CardAction[];
  cards?: AdaptiveCard[];
  /** A private note for agents: stored in the transcript, never sent. */
  note?: boolean;
  /** The browser's id for the message: a retried send with the same id is stored once. */
  clientId: string;
  /** An approved template instead of free text (WhatsApp outside its window); `text` is what the transcript shows. */
  template?: TemplateMessage;
}

/** The dedupe key of a rep's message: the same browser id from the same rep is one message. */
export const agentMessageKey = (agentId: string, clientId: string) => `agent:${agentId}:${clientId}`;

/**
 * Stores a rep's reply and, in the same transaction, queues it for the conversation's outbound
 * channel (`sending` until the channel takes it). A customer that polls (Direct Line) reads it from
 * the transcript, so there it is `sent` once committed.
 */
export async function sendAgentMessage(input: AgentMessageInput, db: Db = defaultDb()): Promise<ActivityView> {
  const dedupeKey = agentMessageKey(input.agent.id, input.clientId);
  const previous = await db.activity.findUnique({ where: { dedupeKey }, include: attachmentRefs });
  if (previous) return toActivityView(previous);
  try {
    return await transaction(db, (tx) => storeAgentMessage(tx, input));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return toActivityView(await db.activity.findUniqueOrThrow({ where: { dedupeKey }, include: attachmentRefs }));
  }
}

/** `sendAgentMessage` inside the caller's transaction (a conversation a rep starts is claimed in the same one). */
export async function storeAgentMessage(tx: Tx, input: AgentMessageInput): Promise<ActivityView> {
  const dedupeKey = agentMessageKey(input.agent.id, input.clientId);
  const conversation = await loadVisibleConversation(tx, input.conversationId, input.agent, {
    consultants: { where: { endedAt: null }, select: { agentId: true, joinedAt: true } },
  });
  if (conversation.state === 'closed') throw conflict('The conversation is closed.', 'ConversationClosed');
  // Any agent who sees the conversation may leave a private note (a consult thread is made of them).
  const consultants = conversation.consultants.map((c) => ({ agentId: c.agentId, joined: c.joinedAt !== null }));
  if (!input.note && !canReply(input.agent, { ...conversation, consultants })) {
    throw forbidden('Only the agent who accepted the conversation can reply.', 'NotOwner');
  }
  if (input.note && input.template) throw badRequest('BadArgument', 'A private note cannot be a template.');
  const timestamp = new Date();
  const from = { id: input.agent.id, name: input.agent.displayName, role: 'bot' };
  const parts = input.note
    ? [{ text: input.text, attachmentIds: input.attachmentIds ?? [], suggestedActions: [], cards: [] } as MessageContent]
    : await planMessageParts(tx, conversation, {
        text: input.text,
        attachmentIds: input.attachmentIds ?? [],
        suggestedActions: input.suggestedActions ?? [],
        cards: input.cards ?? [],
        ...(input.template && { template: input.template }),
      });
  const stored = [];
  for (const [index, part] of parts.entries()) {
    const activity = await insertActivity(tx, conversation.id, {
      type: 'message',
      direction: input.note ? 'internal' : 'outbound',
      dedupeKey: index === 0 ? dedupeKey : `${dedupeKey}:${index + 1}`,
      clientActivityId: index === 0 ? input.clientId : null,
      fromId: from.id,
      fromName: from.name,
      fromRole: 'agent',
      agentId: input.agent.id,
      text: part.text || null,
      textFormat: 'markdown',
      timestamp,
      raw: {
        type: 'message',
        from,
        ...(part.text && { text: part.text }),
        textFormat: 'markdown',
        ...(part.cards.length > 0 && { attachments: part.cards.map((content) => ({ contentType: ADAPTIVE_CARD_TYPE, content })) }),
        ...(part.suggestedActions.length > 0 && { suggestedActions: { actions: part.suggestedActions } }),
        ...(part.template && { template: { ...part.template } }),
      } as Prisma.InputJsonObject,
      deliveryState: input.note ? 'none' : initialDeliveryState(conversation),
    });
    if (part.attachmentIds.length > 0) {
      const linked = await tx.attachment.updateMany({
        where: { id: { in: part.attachmentIds }, conversationId: conversation.id, activityId: null },
        data: { activityId: activity.id },
      });
      if (linked.count !== new Set(part.attachmentIds).size) {
        throw badRequest('BadAttachment', 'An attachment is unknown, belongs to another conversation, or was already sent.');
      }
    }
    if (!input.note) await routeOutbound(tx, conversation, activity.id);
    stored.push(await tx.activity.findUniqueOrThrow({ where: { id: activity.id }, include: attachmentRefs }));
  }
  if (!input.note) {
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { lastActivityAt: timestamp, lastText: input.text ? input.text.slice(0, 280) : input.cards?.length ? '🃏 Card' : '📎 Attachment', unreadCount: 0 },
    });
    // A public reply is a response (docs/metrics.md); notes are not.
    await episodeResponded(tx, conversation.id, { at: timestamp, lastSeq: stored.at(-1)!.seq, messages: stored.length });
  }
  await publishConversationChange(tx, conversation.id, stored);
  return toActivityView(stored[0]!);
}
