// Contacts: resolving a new conversation's customer to a contact, in the conversation's transaction.
import { sql } from 'kysely';
import type { ChannelKind } from '../generated/client';
import { build, rows, run, type SqlTarget } from './query';

export type { SqlTarget };

export interface IdentityKey {
  channelId: string;
  channelKind: ChannelKind;
  userId: string;
}

/** Serialises resolving one identity (two first messages at once must not make two contacts). */
export async function lockIdentity(target: SqlTarget, key: IdentityKey): Promise<void> {
  await run(target, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`contact:${key.channelId}:${key.userId}`}, 0))`);
}

/** The same for a verified identifier: two channels' first messages from one phone number at once. */
export async function lockVerified(target: SqlTarget, kind: string, value: string): Promise<void> {
  await run(target, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`contact:${kind}:${value}`}, 0))`);
}

export async function contactOfIdentity(target: SqlTarget, key: IdentityKey): Promise<string | null> {
  const query = build.selectFrom('ContactIdentity').select('contactId').where('channelId', '=', key.channelId).where('userId', '=', key.userId);
  const [row] = await rows(target, query);
  return row?.contactId ?? null;
}

/** The contact that already has this verified identifier on some channel (the oldest such identity). */
export async function contactOfVerified(target: SqlTarget, kind: string, value: string): Promise<string | null> {
  const query = build
    .selectFrom('ContactIdentity')
    .select('contactId')
    .where('verifiedKind', '=', kind)
    .where('verifiedValue', '=', value)
    .orderBy('createdAt')
    .limit(1);
  const [row] = await rows(target, query);
  return row?.contactId ?? null;
}

export async function insertContact(target: SqlTarget, id: string, name: string | null): Promise<void> {
  await run(target, build.insertInto('Contact').values({ id, name }));
}

export async function insertIdentity(
  target: SqlTarget,
  identity: IdentityKey & { id: string; contactId: string; verifiedKind: string | null; verifiedValue: string | null },
): Promise<void> {
  await run(target, build.insertInto('ContactIdentity').values(identity));
}

export async function setConversationContact(target: SqlTarget, conversationId: string, contactId: string): Promise<void> {
  await run(target, build.updateTable('Conversation').set({ contactId }).where('id', '=', conversationId));
}

/** Contacts with an attribute value containing `q` (any type, compared as text, ignoring case). */
export async function contactIdsByAttributeValue(target: SqlTarget, q: string, limit: number): Promise<string[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const query = build
    .selectFrom('ContactAttributeValue')
    .select('contactId')
    .distinct()
    .where(sql<boolean>`("value" #>> '{}') ILIKE ${pattern}`)
    .limit(limit);
  return (await rows(target, query)).map((row) => row.contactId);
}

/** Conversations whose customer became known after they opened (a Direct Line user's first activity), still without a contact. */
export async function conversationsAwaitingContact(target: SqlTarget, limit: number) {
  const query = build
    .selectFrom('Conversation as c')
    .innerJoin('Channel as ch', 'ch.id', 'c.channelId')
    .select(['c.id', 'c.channelId', 'ch.kind', 'c.customerId', 'c.customerName'])
    .where('c.contactId', 'is', null)
    .where('c.customerId', 'is not', null)
    .limit(limit);
  return rows(target, query);
}
