import type { Tx } from '../db/client';
import { conflict, notFound } from '../errors/app-error';

/**
 * Locks a contact for the transaction (an update takes the row lock, so merges and edits of one
 * contact happen one after the other): 404 when it does not exist, 409 ContactMerged when it was
 * merged into another.
 */
export async function liveContact(tx: Tx, contactId: string): Promise<{ id: string; name: string | null }> {
  const { count } = await tx.contact.updateMany({ where: { id: contactId }, data: { updatedAt: new Date() } });
  if (count === 0) throw notFound('No such contact.');
  const row = await tx.contact.findUniqueOrThrow({ where: { id: contactId }, select: { id: true, name: true, mergedIntoId: true } });
  if (row.mergedIntoId) throw conflict('This contact was merged into another one.', 'ContactMerged');
  return row;
}
