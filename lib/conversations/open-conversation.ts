import { randomUUID } from 'node:crypto';
import { sqlPool, type Db } from '../db/client';
import type { ChannelKind, Conversation, Prisma } from '../db/generated/client';
import { defaultChannelId } from './defaults';

export interface OpenConversationInput {
  channel: ChannelKind;
  /** Our id for it; generated unless the channel's id is ours already (a Direct Line token names it). */
  id?: string;
  /** The channel's own id for the conversation; generated when the console starts the conversation. */
  externalId?: string;
  customerId?: string | null;
  customerName?: string | null;
  serviceUrl?: string | null;
  channelData?: Prisma.InputJsonValue;
  /** Where the rep side's activities go, when not back the way the customer came. */
  outboundChannelId?: string | null;
}

/** A GUID, as seed 000 says a custom channel's conversation ids are (older ids keep working). */
export function newConversationId(): string {
  return randomUUID();
}

/**
 * Finds or creates the conversation a channel refers to. It stays `pending` (invisible to reps) until
 * the customer's first activity queues it.
 */
export async function openConversation(db: Db, input: OpenConversationInput): Promise<{ id: string; created: boolean }> {
  const channelId = await defaultChannelId(db, input.channel);
  const id = input.id ?? newConversationId();
  const externalId = input.externalId ?? id;
  const rows = await db.$queryRaw<{ id: string; created: boolean }[]>`
    INSERT INTO "Conversation" (id, "channelId", "externalId", "customerId", "customerName", "serviceUrl", "channelData", "outboundChannelId")
    VALUES (${id}, ${channelId}, ${externalId}, ${input.customerId ?? null}, ${input.customerName ?? null},
            ${input.serviceUrl ?? null}, ${input.channelData === undefined ? null : JSON.stringify(input.channelData)}::jsonb,
            ${input.outboundChannelId ?? null})
    ON CONFLICT ("channelId", "externalId") DO UPDATE SET "externalId" = EXCLUDED."externalId"
    RETURNING id, (xmax = 0) AS created`;
  return rows[0]!;
}

export async function findConversationByExternalId(db: Db, channel: ChannelKind, externalId: string) {
  const channelId = await defaultChannelId(db, channel);
  // Every inbound request starts here: one plain query, not a trip through Prisma's query engine.
  const { rows } = await sqlPool(db).query<Conversation>(`SELECT * FROM "Conversation" WHERE "channelId" = $1 AND "externalId" = $2`, [channelId, externalId]);
  return rows[0] ?? null;
}
