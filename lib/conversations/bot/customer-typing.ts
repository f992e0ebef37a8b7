// The customer of a conversation the bot holds is typing: the bot hears it too (best effort, one
// try, like a rep's typing to a channel; a failure is only logged).
import { channelAdapter } from '../../channels/registry';
import { db as defaultDb, type Db } from '../../db/client';
import { logger } from '../../log/logger';

export async function customerTypingToBot(conversationId: string, db: Db = defaultDb()): Promise<void> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, include: { botChannel: true } });
  if (conversation?.state !== 'bot' || !conversation.botChannel) return;
  const outcome = await channelAdapter('bot').sendTyping({ channel: conversation.botChannel, conversation });
  if (outcome && (outcome.kind !== 'answered' || outcome.status >= 300)) logger.info({ conversationId, outcome }, 'typing not delivered to the bot');
}
