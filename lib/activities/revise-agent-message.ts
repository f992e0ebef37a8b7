// A rep edits or deletes a message they sent. The transcript changes at once (the previous text
// kept for supervisors); channels that support it get the edit or deletion through the outbox.
import type { ActingAgent } from '../conversations/agent';
import { db as defaultDb, type Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { transaction } from '../db/transaction';
import { conflict, forbidden, notFound } from '../errors/app-error';
import { channelAdapter } from '../channels/registry';
import { enqueueDelivery } from '../outbound/enqueue';
import { appendEvent } from '../realtime/event-log';
import { canReviseMessage } from '../shared/policies';
import { attachmentRefs, toActivityView } from '../views/map';
import type { ActivityView } from '../views/types';

type Revision = { kind: 'edit'; text: string } | { kind: 'delete' };

export async function reviseAgentMessage(
  input: { activityId: string; agent: ActingAgent; revision: Revision },
  db: Db = defaultDb(),
): Promise<ActivityView> {
  return transaction(db, async (tx) => {
    const activity = await tx.activity.findUnique({ where: { id: input.activityId }, include: { conversation: { include: { outboundChannel: true } } } });
    if (!activity || activity.type !== 'message') throw notFound('Message not found.');
    if (!canReviseMessage(input.agent, activity)) throw forbidden('Reps can change only their own messages.', 'NotAuthor');
    if (activity.deletedAt) throw conflict('The message is already deleted.', 'AlreadyDeleted');
    const { revision } = input;
    const raw = { ...(activity.raw as Prisma.JsonObject), ...(revision.kind === 'edit' && { text: revision.text }) };
    const updated = await tx.activity.update({
      where: { id: activity.id },
      data:
        revision.kind === 'edit'
          ? { text: revision.text, previousText: activity.text, editedAt: new Date(), raw }
          : { deletedAt: new Date(), previousText: activity.text, text: null },
      include: attachmentRefs,
    });
    const channel = activity.conversation.outboundChannel;
    if (channel && channelAdapter(channel.kind).revisesSentMessages) {
      await enqueueDelivery(tx, {
        activityId: activity.id,
        conversationId: activity.conversationId,
        channelId: channel.id,
        operation: revision.kind === 'edit' ? 'update' : 'delete',
      });
    }
    const view = toActivityView(updated);
    await appendEvent(tx, { type: 'activity.updated', conversationId: activity.conversationId, activity: view });
    return view;
  });
}
