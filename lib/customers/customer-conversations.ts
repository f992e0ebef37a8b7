// Who a customer is, for erasure and export: the contact behind a conversation (issue 21 item 1),
// with the contacts merged into it (a merge not undone), and every conversation of theirs on every
// channel. A conversation still waiting to be linked to its contact (lib/contacts/
// link-pending-contacts.ts) counts by its channel and customer id; one without a customer id
// stands alone. This is the one place that says so.
import type { Db, Tx } from '../db/client';

export interface Customer {
  conversationIds: string[];
  contactIds: string[];
}

/** The customer behind this conversation; nothing when there is no such conversation. */
export async function customerOf(tx: Db | Tx, conversationId: string): Promise<Customer> {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId }, select: { id: true, channelId: true, customerId: true, contactId: true } });
  if (!conversation) return { conversationIds: [], contactIds: [] };
  const contactIds = conversation.contactId ? await withMergedContacts(tx, conversation.contactId) : [];
  const rows = await tx.conversation.findMany({
    where: {
      OR: [
        { id: conversation.id },
        ...(contactIds.length > 0 ? [{ contactId: { in: contactIds } }] : []),
        ...(conversation.customerId ? [{ channelId: conversation.channelId, customerId: conversation.customerId, contactId: null }] : []),
      ],
    },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return { conversationIds: rows.map((row) => row.id), contactIds };
}

/** The contact and every contact merged into it, directly or through another (merges not undone). */
async function withMergedContacts(tx: Db | Tx, contactId: string): Promise<string[]> {
  const found = new Set([contactId]);
  for (let frontier = [contactId]; frontier.length > 0; ) {
    const merged = await tx.contact.findMany({ where: { mergedIntoId: { in: frontier } }, select: { id: true } });
    frontier = merged.map((contact) => contact.id).filter((id) => !found.has(id));
    frontier.forEach((id) => found.add(id));
  }
  return [...found];
}
