// `handoff.status` back to the bot that handed a conversation over (CONTRACT.md): an internal event
// in the transcript, delivered to the bot channel through the outbox like every delivery.
import type { Tx } from '../../db/client';
import type { Activity } from '../../db/generated/client';
import { insertActivity } from '../../activities/new-activity';
import { enqueueDelivery } from '../../outbound/enqueue';
import type { Handoff } from '../../protocol/console/bot';
import { handoffJson, storedHandoff } from './stored-handoff';

export const HANDOFF_STATUS = 'handoff.status';

type HandoffState = Handoff['told'][number];

/**
 * Tells the bot `state` (with `message` for a failure) when the conversation's current stay with
 * reps began with the bot's handoff, once per state; null when there is nothing to tell.
 */
export async function tellBot(tx: Tx, conversationId: string, state: HandoffState, message?: string): Promise<Activity | null> {
  const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { id: true, botChannelId: true, handoff: true } });
  const handoff = storedHandoff(conversation.handoff);
  if (!conversation.botChannelId || handoff?.kind !== 'handoff' || handoff.told.includes(state)) return null;
  const value = { state, ...(message && { message }) };
  await tx.conversation.update({
    where: { id: conversation.id },
    data: { handoff: handoffJson({ ...handoff, told: [...handoff.told, state], ...(message && { reason: message }) }) },
  });
  const activity = await insertActivity(tx, conversation.id, {
    type: 'event',
    direction: 'internal',
    name: HANDOFF_STATUS,
    fromRole: 'system',
    text: null,
    raw: { type: 'event', name: HANDOFF_STATUS, value },
    deliveryState: 'sending',
  });
  await enqueueDelivery(tx, { activityId: activity.id, conversationId: conversation.id, channelId: conversation.botChannelId });
  return activity;
}
