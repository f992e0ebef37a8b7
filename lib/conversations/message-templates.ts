// The approved templates a rep may send in a conversation (its channel's, where it has any).
import { channelAdapter } from '../channels/registry';
import { db as defaultDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { logger } from '../log/logger';
import type { MessageTemplateView } from '../views/types';
import type { ActingViewer } from './agent';
import { loadVisibleConversation } from './visible-conversation';

export async function messageTemplates(conversationId: string, viewer: ActingViewer, db: Db = defaultDb()): Promise<MessageTemplateView[]> {
  const conversation = await loadVisibleConversation(db, conversationId, viewer, { channel: { select: { kind: true } } });
  const list = channelAdapter(conversation.channel.kind).listTemplates;
  if (!list) return [];
  try {
    return await list();
  } catch (error) {
    logger.warn({ err: error }, 'listing message templates failed');
    throw new AppError('ChannelUnavailable', 'The channel did not list its templates; try again shortly.');
  }
}
