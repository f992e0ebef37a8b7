// Claims due deliveries for one worker transaction: each the oldest pending delivery of its
// conversation (so a conversation's deliveries go out one at a time, in order), locked with
// FOR UPDATE SKIP LOCKED until the transaction ends, with everything the senders need.
// The activity is locked too: what the worker read is what it records against (an edit of a
// message in flight waits for its send to be recorded; a delivery whose activity is being edited
// waits for the next claim).
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
    // Deliveries first, activities then by primary key: planned this way whatever the statistics
    // say (a join planned on the statistics of a table that just grew by 100,000 activities scanned
    // all of them on every claim).
    `WITH due AS MATERIALIZED (
       SELECT d.id, d."activityId", d."channelId", d.operation, d.attempts, d."runAt", d.seq
       FROM "Delivery" d
       WHERE d.status = 'pending' AND d."runAt" <= (now() AT TIME ZONE 'UTC')
         AND NOT EXISTS (
           SELECT 1 FROM "Delivery" e
           WHERE e."conversationId" = d."conversationId" AND e.status = 'pending' AND e.seq < d.seq)
       ORDER BY d."runAt", d.seq
       LIMIT $1
       FOR UPDATE OF d SKIP LOCKED
     ), claimed AS MATERIALIZED (
       SELECT due.id AS "deliveryId", due.operation AS "deliveryOperation", due.attempts AS "deliveryAttempts",
         jsonb_build_object('id', ch.id, 'kind', ch.kind, 'name', ch.name, 'settings', ch.settings) AS "deliveryChannel", a.*
       FROM due JOIN "Activity" a ON a.id = due."activityId" JOIN "Channel" ch ON ch.id = due."channelId"
       ORDER BY due."runAt", due.seq
       FOR UPDATE OF a SKIP LOCKED)
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
