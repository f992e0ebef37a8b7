import type { Tx } from '../db/client';
import type { Activity } from '../db/generated/client';
import { appendEvent } from '../realtime/event-log';
import { toActivityView } from '../views/map';
import type { ConversationSummary } from '../views/types';
import { loadSummary } from './summary';

/**
 * Ends a transaction that changed a conversation: one realtime event per new activity (each with
 * the conversation's new summary), or a conversation update when there is none. Call it last.
 */
export async function publishConversationChange(tx: Tx, conversationId: string, activities: Activity[] = []): Promise<ConversationSummary> {
  const summary = await loadSummary(tx, conversationId);
  if (activities.length === 0) {
    await appendEvent(tx, { type: 'conversation.updated', conversationId, conversation: summary });
  }
  for (const activity of activities) {
    await appendEvent(tx, { type: 'activity.created', conversationId, activity: toActivityView(activity), conversation: summary });
  }
  return summary;
}
