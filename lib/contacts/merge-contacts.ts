import { recordAudit, type AuditRep } from '../audit/record-audit';
// A rep merges one contact (the source) into another (the target) and can undo it. The merge row
// keeps what moved, so undo puts back exactly that, even after new conversations arrived.
import { z } from 'zod';
import type { Viewer } from '../auth/conversation-access';
import { db as defaultDb, type Db, type Tx } from '../db/client';
import { transaction } from '../db/transaction';
import { badRequest, conflict, notFound } from '../errors/app-error';
import type { ContactView, MergeResult } from '../protocol/console';
import { contactView } from './contact-view';
import { liveContact } from './live-contact';

const movedSchema = z.object({ conversationIds: z.array(z.string()), identityIds: z.array(z.string()), attributeIds: z.array(z.string()) });
type Moved = z.infer<typeof movedSchema>;

/**
 * Moves the source's conversations, identities and attribute values to the target. Where both have
 * a value for an attribute, the target's wins (the source keeps its own, hidden while merged);
 * the target keeps its name. The source stays, marked merged, until the merge is undone.
 */
export async function mergeContacts(input: { targetId: string; sourceId: string; viewer: Viewer & AuditRep }, db: Db = defaultDb()): Promise<MergeResult> {
  if (input.targetId === input.sourceId) throw badRequest('SameContact', 'A contact cannot be merged into itself.');
  return transaction(db, async (tx) => {
    // Locked in id order: two reps merging the same pair both ways wait, never deadlock.
    for (const id of [input.targetId, input.sourceId].sort()) await liveContact(tx, id);
    const [conversations, identities, sourceValues, targetValues] = await Promise.all([
      tx.conversation.findMany({ where: { contactId: input.sourceId }, select: { id: true } }),
      tx.contactIdentity.findMany({ where: { contactId: input.sourceId }, select: { id: true } }),
      tx.contactAttributeValue.findMany({ where: { contactId: input.sourceId }, select: { attributeId: true } }),
      tx.contactAttributeValue.findMany({ where: { contactId: input.targetId }, select: { attributeId: true } }),
    ]);
    const targetHas = new Set(targetValues.map((v) => v.attributeId));
    const moved: Moved = {
      conversationIds: conversations.map((c) => c.id),
      identityIds: identities.map((i) => i.id),
      attributeIds: sourceValues.map((v) => v.attributeId).filter((id) => !targetHas.has(id)),
    };
    await moveAll(tx, moved, input.sourceId, input.targetId);
    await tx.contact.update({ where: { id: input.sourceId }, data: { mergedIntoId: input.targetId } });
    const merge = await tx.contactMerge.create({ data: { sourceId: input.sourceId, targetId: input.targetId, mergedById: input.viewer.id, moved } });
    await recordAudit(tx, { actor: input.viewer, action: 'contact.merge', target: `contact:${input.targetId}`, after: { mergeId: merge.id, sourceId: input.sourceId, moved } });
    return { mergeId: merge.id, contact: await contactView(input.targetId, input.viewer, tx) };
  });
}

/**
 * Undoes a merge: what it moved goes back to the source, and so do conversations that arrived since
 * on one of the identities it moved; conversations of the target's own identities stay. Answers the
 * restored source.
 */
export async function undoMerge(input: { mergeId: string; viewer: Viewer & AuditRep }, db: Db = defaultDb()): Promise<ContactView> {
  return transaction(db, async (tx) => {
    const merge = await tx.contactMerge.findUnique({ where: { id: input.mergeId } });
    if (!merge) throw notFound('No such merge.');
    await liveContact(tx, merge.targetId);
    const locked = await tx.contactMerge.updateMany({ where: { id: merge.id, undoneAt: null }, data: { undoneAt: new Date() } });
    if (locked.count === 0) throw conflict('This merge was undone already.', 'MergeAlreadyUndone');
    const moved = movedSchema.parse(merge.moved);
    const identities = await tx.contactIdentity.findMany({ where: { id: { in: moved.identityIds }, contactId: merge.targetId }, select: { channelId: true, userId: true } });
    const arrived = identities.length
      ? await tx.conversation.findMany({
          where: { contactId: merge.targetId, OR: identities.map((i) => ({ channelId: i.channelId, customerId: i.userId })) },
          select: { id: true },
        })
      : [];
    await moveAll(tx, { ...moved, conversationIds: [...new Set([...moved.conversationIds, ...arrived.map((c) => c.id)])] }, merge.targetId, merge.sourceId);
    await tx.contact.update({ where: { id: merge.sourceId }, data: { mergedIntoId: null, updatedAt: new Date() } });
    await recordAudit(tx, { actor: input.viewer, action: 'contact.unmerge', target: `contact:${merge.targetId}`, before: { mergeId: merge.id, sourceId: merge.sourceId } });
    return contactView(merge.sourceId, input.viewer, tx);
  });
}

async function moveAll(tx: Tx, moved: Moved, from: string, to: string): Promise<void> {
  await tx.conversation.updateMany({ where: { id: { in: moved.conversationIds }, contactId: from }, data: { contactId: to } });
  await tx.contactIdentity.updateMany({ where: { id: { in: moved.identityIds }, contactId: from }, data: { contactId: to } });
  await tx.contactAttributeValue.updateMany({ where: { contactId: from, attributeId: { in: moved.attributeIds } }, data: { contactId: to } });
}
