// From a contact to its conversations and back: what erasure ("all conversations of a customer") uses.
import { db as defaultDb, type Db, type Tx } from '../db/client';

/** Every conversation of the contact, on every channel, whoever may see it. */
export async function contactConversationIds(contactId: string, db: Db | Tx = defaultDb()): Promise<string[]> {
  const rows = await db.conversation.findMany({ where: { contactId }, select: { id: true }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => row.id);
}

/** The contact of a conversation; null when its channel names no single customer (a group chat). */
export async function conversationContactId(conversationId: string, db: Db | Tx = defaultDb()): Promise<string | null> {
  const row = await db.conversation.findUnique({ where: { id: conversationId }, select: { contactId: true } });
  return row?.contactId ?? null;
}
