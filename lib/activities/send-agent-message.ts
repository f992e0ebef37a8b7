import { db as defaultDb, type Db } from '../db/client';
import { isUniqueViolation } from '../db/prisma-errors';
import type { ActingAgent } from '../conversations/agent';
import { loadSummary } from '../conversations/summary';
import { conflict, forbidden, notFound } from '../errors/app-error';
import { appendEvent } from '../realtime/event-log';
import { toActivityView } from '../views/map';
import type { ActivityView } from '../views/types';
import { insertActivity } from './new-activity';

export const MAX_MESSAGE_CHARS = 28_000;

export interface AgentMessageInput {
  conversationId: string;
  agent: ActingAgent;
  text: string;
  /** The browser's id for the message: a retried send with the same id is stored once. */
  clientId: string;
}

/**
 * Stores a rep's reply. Channels that the customer polls (Direct Line) read it from the transcript,
 * so it is `sent` once committed.
 */
export async function sendAgentMessage(input: AgentMessageInput, db: Db = defaultDb()): Promise<ActivityView> {
  const dedupeKey = `agent:${input.agent.id}:${input.clientId}`;
  const previous = await db.activity.findUnique({ where: { dedupeKey } });
  if (previous) return toActivityView(previous);
  try {
    return await db.$transaction(async (tx) => {
      const conversation = await tx.conversation.findUnique({ where: { id: input.conversationId } });
      if (!conversation || conversation.state === 'pending') throw notFound('Conversation not found.');
      if (conversation.state === 'closed') throw conflict('The conversation is closed.', 'ConversationClosed');
      if (conversation.ownerId !== input.agent.id) {
        throw forbidden('Only the agent who accepted the conversation can reply.', 'NotOwner');
      }
      const timestamp = new Date();
      const from = { id: input.agent.id, name: input.agent.displayName, role: 'bot' };
      const activity = await insertActivity(tx, conversation.id, {
        type: 'message',
        direction: 'outbound',
        dedupeKey,
        clientActivityId: input.clientId,
        fromId: from.id,
        fromName: from.name,
        fromRole: 'agent',
        agentId: input.agent.id,
        text: input.text,
        textFormat: 'markdown',
        timestamp,
        raw: { type: 'message', from, text: input.text, textFormat: 'markdown' },
        deliveryState: 'sent',
      });
      await tx.conversation.update({
        where: { id: conversation.id },
        data: { lastActivityAt: timestamp, lastText: input.text.slice(0, 280), unreadCount: 0 },
      });
      const view = toActivityView(activity);
      const summary = await loadSummary(tx, conversation.id);
      await appendEvent(tx, { type: 'activity.created', conversationId: conversation.id, activity: view, conversation: summary });
      return view;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return toActivityView(await db.activity.findUniqueOrThrow({ where: { dedupeKey } }));
  }
}
