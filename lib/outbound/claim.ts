// Claims due deliveries for one worker transaction: each the oldest pending delivery of its
// conversation (so a conversation's deliveries go out one at a time, in order), locked with
// FOR UPDATE SKIP LOCKED until the transaction ends, with everything the senders need.
// The activity is locked too: what the worker read is what it records against (an edit of a
// message in flight waits for its send to be recorded).
import type pg from 'pg';
import type { Activity, Conversation, DeliveryOperation } from '../db/generated/client';
import type { DeliveryContext } from './targets';

export interface ClaimedDelivery extends DeliveryContext {
  id: string;
  attempts: number;
}

type ClaimRow = Activity & {
  deliveryId: string;
  deliveryOperation: DeliveryOperation;
  deliveryAttempts: number;
  deliveryChannel: DeliveryContext['channel'];
  deliveryAttachments: DeliveryContext['activity']['attachments'];
};

export async function claimDue(client: pg.ClientBase, limit: number): Promise<ClaimedDelivery[]> {
  const { rows } = await client.query<ClaimRow>(
    `WITH claimed AS MATERIALIZED (
       SELECT d.id AS "deliveryId", d.operation AS "deliveryOperation", d.attempts AS "deliveryAttempts",
         jsonb_build_object('id', ch.id, 'kind', ch.kind, 'name', ch.name, 'settings', ch.settings) AS "deliveryChannel", a.*
       FROM "Delivery" d JOIN "Activity" a ON a.id = d."activityId" JOIN "Channel" ch ON ch.id = d."channelId"
       WHERE d.status = 'pending' AND d."runAt" <= (now() AT TIME ZONE 'UTC')
         AND NOT EXISTS (
           SELECT 1 FROM "Delivery" e
           WHERE e."conversationId" = d."conversationId" AND e.status = 'pending' AND e.seq < d.seq)
       ORDER BY d."runAt", d.seq
       LIMIT $1
       FOR UPDATE OF d, a SKIP LOCKED)
     SELECT c.*,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'name', f.name, 'contentType', f."contentType", 'size', f.size)
                 ORDER BY f.seq), '[]')
        FROM "Attachment" f WHERE f."activityId" = c.id) AS "deliveryAttachments"
     FROM claimed c`,
    [limit],
  );
  if (rows.length === 0) return [];
  const conversations = await client.query<Conversation>(`SELECT * FROM "Conversation" WHERE id = ANY($1)`, [
    rows.map((row) => row.conversationId),
  ]);
  const conversationById = new Map(conversations.rows.map((row) => [row.id, row]));
  return rows.map(({ deliveryId, deliveryOperation, deliveryAttempts, deliveryChannel, deliveryAttachments, ...activity }) => ({
    id: deliveryId,
    attempts: deliveryAttempts,
    operation: deliveryOperation,
    channel: deliveryChannel,
    activity: { ...activity, attachments: deliveryAttachments, conversation: conversationById.get(activity.conversationId)! },
  }));
}
