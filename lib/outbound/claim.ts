// Claims due deliveries for one worker transaction: each the oldest pending delivery of its
// conversation (so a conversation's deliveries go out one at a time, in order), locked with
// FOR UPDATE SKIP LOCKED until the transaction ends, with everything the senders need.
// The activity is locked too: what the worker read is what it records against (an edit of a
// message in flight waits for its send to be recorded; a delivery whose activity is being edited
// waits for the next claim).
import type pg from 'pg';
import { claimDueRows, conversationsByIds } from '../db/sql/outbox';
import type { DeliveryContext } from './targets';

export interface ClaimedDelivery extends DeliveryContext {
  id: string;
  attempts: number;
}

export async function claimDue(client: pg.ClientBase, limit: number): Promise<ClaimedDelivery[]> {
  const rows = await claimDueRows(client, limit);
  if (rows.length === 0) return [];
  const conversations = await conversationsByIds(
    client,
    rows.map((row) => row.conversationId),
  );
  const conversationById = new Map(conversations.map((row) => [row.id, row]));
  return rows.map(({ deliveryId, deliveryOperation, deliveryAttempts, deliveryChannel, deliveryAttachments, ...activity }) => ({
    id: deliveryId,
    attempts: deliveryAttempts,
    operation: deliveryOperation,
    channel: deliveryChannel,
    activity: { ...activity, attachments: deliveryAttachments, conversation: conversationById.get(activity.conversationId)! },
  }));
}
