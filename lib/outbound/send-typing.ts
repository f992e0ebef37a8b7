// The rep is typing: tell the customer at once. Typing is ephemeral, so it bypasses the outbox:
// one try with a short timeout, and a failure is only logged.
import type { TypingContext } from '../channels/adapter';
import { channelAdapter } from '../channels/registry';
import { db as defaultDb, type Db } from '../db/client';
import type { ActingViewer } from '../conversations/agent';
import { loadVisibleConversation } from '../conversations/visible-conversation';
import { forbidden } from '../errors/app-error';
import { logger } from '../log/logger';
import { publishTyping } from '../realtime/publish-typing';
import { canType } from '../shared/policies';

export async function sendAgentTyping(input: { conversationId: string; agent: ActingViewer }, db: Db = defaultDb()): Promise<void> {
  const conversation = await loadVisibleConversation(db, input.conversationId, input.agent, { outboundChannel: true });
  if (!canType(input.agent, conversation)) throw forbidden('Only the owner of the conversation types to the customer.', 'NotOwner');
  if (conversation.state !== 'active') return;
  // Clients that stream the conversation (Direct Line) hear it through the realtime log.
  await publishTyping({ conversationId: conversation.id, author: 'agent', name: input.agent.displayName, agentId: input.agent.id }, db);
  await typingToOutboundChannel(conversation.outboundChannel, conversation);
}

/** The rep side (a rep or the bot) is typing: the channel that receives the rep side's activities hears it, if it takes typing. */
export async function typingToOutboundChannel(channel: TypingContext['channel'] | null, conversation: TypingContext['conversation']): Promise<void> {
  if (!channel) return;
  const outcome = await channelAdapter(channel.kind).sendTyping({ channel, conversation });
  if (outcome && (outcome.kind !== 'answered' || outcome.status >= 300)) {
    logger.info({ conversationId: conversation.id, outcome }, 'typing indicator not delivered');
  }
}
