import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import type { ChannelKind, Prisma } from '../db/generated/client';
import { conversationByExternalId, insertOrFindConversation } from '../db/sql/conversations';
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
  return insertOrFindConversation(db, {
    id,
    channelId,
    externalId: input.externalId ?? id,
    customerId: input.customerId ?? null,
    customerName: input.customerName ?? null,
    serviceUrl: input.serviceUrl ?? null,
    channelData: input.channelData ?? null,
    outboundChannelId: input.outboundChannelId ?? null,
  });
}

export async function findConversationByExternalId(db: Db, channel: ChannelKind, externalId: string) {
  const channelId = await defaultChannelId(db, channel);
  return conversationByExternalId(db, channelId, externalId);
}
