// How a delivery goes out is its channel's business: the adapter prepares it; the outbox only checks
// that the channel takes the operation at all.
import type { Db } from '../db/client';
import type { DeliveryContext, PreparedDelivery } from '../channels/adapter';
import { channelAdapter } from '../channels/registry';

export type { AttachmentRef, ConversationChange, DeliveryContext, PreparedDelivery } from '../channels/adapter';

/** `db` is only read (outside the delivery's transaction), for what the channel needs to know. */
export async function prepareDelivery(db: Db, context: DeliveryContext): Promise<PreparedDelivery> {
  const adapter = channelAdapter(context.channel.kind);
  if (context.operation !== 'send' && !adapter.revisesSentMessages) {
    return { ok: false, target: context.channel.kind, reason: `${context.channel.kind} channels take no edits or deletions` };
  }
  return adapter.prepareDelivery(db, context);
}
