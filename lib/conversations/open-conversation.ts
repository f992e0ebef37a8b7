import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import type { ChannelKind, Prisma } from '../db/generated/client';
import { pgTransaction } from '../db/pg-transaction';
import { conversationByExternalId, insertOrFindConversation } from '../db/sql/conversations';
import { resolveContact } from '../contacts/resolve-contact';
import type { VerifiedIdentifier } from '../contacts/verified-identifier';
import { defaultChannelId } from './defaults';

export interface OpenConversationInput {
  channel: ChannelKind;
  /** Our id for it; generated unless the channel's id is ours already (a Direct Line token names it). */
  id?: string;
  /** The channel's own id for the conversation; generated when the console starts the conversation. */
  externalId?: string;
  customerId?: string | null;
  customerName?: string | null;
  /** A phone number or e-mail address the channel vouches for (lib/channels/<kind>): contacts join on it. */
  verified?: VerifiedIdentifier | null;
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
 * the customer's first activity queues it. A new one gets its customer's contact in the same
 * transaction (lib/contacts/resolve-contact.ts).
 */
export async function openConversation(db: Db, input: OpenConversationInput): Promise<{ id: string; created: boolean }> {
  const channelId = await defaultChannelId(db, input.channel);
  const id = input.id ?? newConversationId();
  const row = {
    id,
    channelId,
    externalId: input.externalId ?? id,
    customerId: input.customerId ?? null,
    customerName: input.customerName ?? null,
    serviceUrl: input.serviceUrl ?? null,
    channelData: input.channelData ?? null,
    outboundChannelId: input.outboundChannelId ?? null,
  };
  const customerId = input.customerId;
  if (!customerId) return insertOrFindConversation(db, row);
  // Most calls (every message of a Teams or WhatsApp conversation) find an existing one: one read.
  const existing = await conversationByExternalId(db, channelId, row.externalId);
  if (existing) return { id: existing.id, created: false };
  return pgTransaction(
    db,
    async ({ client }) => {
      const opened = await insertOrFindConversation(client, row);
      if (opened.created) {
        await resolveContact(client, opened.id, {
          channelId,
          channelKind: input.channel,
          userId: customerId,
          name: input.customerName ?? null,
          verified: input.verified ?? null,
        });
      }
      return opened;
    },
    { timeoutMs: 10_000 },
  );
}

export async function findConversationByExternalId(db: Db, channel: ChannelKind, externalId: string) {
  const channelId = await defaultChannelId(db, channel);
  return conversationByExternalId(db, channelId, externalId);
}
