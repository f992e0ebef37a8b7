import { db as defaultDb, type Db } from '../../db/client';
import type { HandoffView } from '../../protocol/console/bot';
import type { Viewer } from '../../auth/conversation-access';
import { loadVisibleConversation } from '../visible-conversation';
import { storedHandoff } from './stored-handoff';

/** Why the conversation left its bot (context, transcript, reason), for the panel beside it. */
export async function handoffView(conversationId: string, viewer: Viewer, db: Db = defaultDb()): Promise<HandoffView> {
  const conversation = await loadVisibleConversation(db, conversationId, viewer);
  return { handoff: storedHandoff(conversation.handoff) };
}
