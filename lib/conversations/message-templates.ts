// The approved templates a rep may send in a conversation (its channel's, where it has any).
import { channelAdapter } from '../channels/registry';
import { db as defaultDb, type Db } from '../db/client';
import { AppError, notFound } from '../errors/app-error';
import { logger } from '../log/logger';
import type { MessageTemplateView } from '../views/types';

export async function messageTemplates(conversationId: string, db: Db = defaultDb()): Promise<MessageTemplateView[]> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { state: true, channel: { select: { kind: true } } } });
  if (!conversation || conversation.state === 'pending') throw notFound('Conversation not found.');
  const list = channelAdapter(conversation.channel.kind).listTemplates;
  if (!list) return [];
  try {
    return await list();
  } catch (error) {
    logger.warn({ err: error }, 'listing message templates failed');
    throw new AppError('ChannelUnavailable', 'The channel did not list its templates; try again shortly.');
  }
}
