import type { Tx } from '../db/client';
import type { Activity, DeliveryState, Direction, Prisma } from '../db/generated/client';

/** What the domain stores for one activity, whatever channel it came from or goes to. */
export interface NewActivity {
  type: string;
  direction: Direction;
  dedupeKey?: string | null;
  externalId?: string | null;
  clientActivityId?: string | null;
  fromId?: string | null;
  fromName?: string | null;
  fromRole?: string | null;
  agentId?: string | null;
  text?: string | null;
  textFormat?: string | null;
  locale?: string | null;
  name?: string | null;
  replyToId?: string | null;
  timestamp?: Date;
  raw: Prisma.InputJsonValue;
  deliveryState?: DeliveryState;
  deliveryError?: string | null;
}

/**
 * Appends an activity with the conversation's next `seq`. The increment also row-locks the
 * conversation until the transaction ends, which serialises concurrent appends to it.
 */
export async function insertActivity(tx: Tx, conversationId: string, input: NewActivity): Promise<Activity> {
  const { lastSeq } = await tx.conversation.update({
    where: { id: conversationId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });
  return tx.activity.create({ data: { ...input, conversationId, seq: lastSeq } });
}
