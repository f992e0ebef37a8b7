import { randomUUID } from 'node:crypto';
import type { ChannelKind } from '../db/generated/client';
import { contactOfIdentity, contactOfVerified, insertContact, insertIdentity, lockIdentity, lockVerified, setConversationContact, type SqlTarget } from '../db/sql/contacts';
import type { VerifiedIdentifier } from './verified-identifier';

export interface CustomerIdentity {
  channelId: string;
  channelKind: ChannelKind;
  /** The channel's id for the customer. */
  userId: string;
  name: string | null;
  verified: VerifiedIdentifier | null;
}

/**
 * Gives a new conversation its contact, in the transaction that stores it: the contact of the
 * customer's identity on this channel; else the contact that has the same verified identifier on
 * another channel (never a display name); else a new contact.
 */
export async function resolveContact(tx: SqlTarget, conversationId: string, customer: CustomerIdentity): Promise<string> {
  const key = { channelId: customer.channelId, channelKind: customer.channelKind, userId: customer.userId };
  await lockIdentity(tx, key);
  let contactId = await contactOfIdentity(tx, key);
  if (!contactId) {
    if (customer.verified) await lockVerified(tx, customer.verified.kind, customer.verified.value);
    contactId = customer.verified ? await contactOfVerified(tx, customer.verified.kind, customer.verified.value) : null;
    if (!contactId) {
      contactId = randomUUID();
      await insertContact(tx, contactId, customer.name);
    }
    await insertIdentity(tx, {
      ...key,
      id: randomUUID(),
      contactId,
      verifiedKind: customer.verified?.kind ?? null,
      verifiedValue: customer.verified?.value ?? null,
    });
  }
  await setConversationContact(tx, conversationId, contactId);
  return contactId;
}
