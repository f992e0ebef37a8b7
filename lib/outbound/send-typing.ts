// The rep is typing: tell the customer at once. Typing is ephemeral, so it bypasses the outbox:
// one try with a short timeout, and a failure is only logged.
import { randomUUID } from 'node:crypto';
import { typingActivity } from '../channels/custom-webhook/payload';
import { sendToCustomChannel } from '../channels/custom-webhook/sender';
import { customChannelSettings } from '../channels/custom-webhook/settings';
import { db as defaultDb, type Db } from '../db/client';
import type { ActingAgent } from '../conversations/agent';
import { forbidden, notFound } from '../errors/app-error';
import { logger } from '../log/logger';
import { publishTyping } from '../realtime/publish-typing';

const TYPING_TIMEOUT_MS = 5_000;

export async function sendAgentTyping(input: { conversationId: string; agent: ActingAgent }, db: Db = defaultDb()): Promise<void> {
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, include: { outboundChannel: true } });
  if (!conversation || conversation.state === 'pending') throw notFound('Conversation not found.');
  if (conversation.ownerId !== input.agent.id) throw forbidden('Only the owner of the conversation types to the customer.', 'NotOwner');
  if (conversation.state !== 'active') return;
  // Clients that stream the conversation (Direct Line) hear it through the realtime log.
  await publishTyping({ conversationId: conversation.id, author: 'agent', name: input.agent.displayName, agentId: input.agent.id }, db);
  const channel = conversation.outboundChannel;
  if (!channel || channel.kind !== 'custom') return;
  const settings = customChannelSettings(channel);
  if (!settings) return;
  const outcome = await sendToCustomChannel(
    settings,
    typingActivity({
      id: randomUUID(),
      channelId: channel.id,
      conversationId: conversation.externalId,
      recipientId: conversation.customerId ?? 'customer',
    }),
    TYPING_TIMEOUT_MS,
  );
  if (outcome.kind !== 'answered' || outcome.status >= 300) {
    logger.info({ conversationId: conversation.id, outcome }, 'typing indicator not delivered');
  }
}
