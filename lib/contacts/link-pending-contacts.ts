// A Direct Line conversation opened without a user id learns its customer from its first activity,
// in the ingest statement, which does not resolve contacts (it is the hot path). Every instance
// links those conversations to their contact shortly after, the same way a new conversation is
// (resolveContact: the identity's contact, else a new one; Direct Line gives no verified identifier).
import type { ChannelKind } from '../db/generated/client';
import { pgTransaction } from '../db/pg-transaction';
import { conversationsAwaitingContact } from '../db/sql/contacts';
import type { Db } from '../db/client';
import { resolveContact } from './resolve-contact';

const BATCH = 100;

/** Links up to one batch; returns how many were linked. */
export async function linkPendingContacts(db: Db): Promise<number> {
  const pending = await conversationsAwaitingContact(db, BATCH);
  for (const conversation of pending) {
    await pgTransaction(
      db,
      ({ client }) =>
        resolveContact(client, conversation.id, {
          channelId: conversation.channelId,
          channelKind: conversation.kind as ChannelKind,
          userId: conversation.customerId!,
          name: conversation.customerName,
          verified: null,
        }),
      { timeoutMs: 10_000 },
    );
  }
  return pending.length;
}
