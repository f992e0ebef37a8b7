import { recordAudit, type AuditRep } from '../audit/record-audit';
// Labels: administrators define them; reps put them on conversations they see. Every change is a
// `conversation.updated` event (the summary carries the labels), so other reps see it live.
import type { Viewer } from '../auth/conversation-access';
import { publishConversationChange } from '../conversations/publish';
import { loadVisibleConversation } from '../conversations/visible-conversation';
import { db as defaultDb, type Db } from '../db/client';
import { isUniqueViolation } from '../db/prisma-errors';
import { transaction } from '../db/transaction';
import { conflict, notFound } from '../errors/app-error';
import type { ConversationSummary, LabelView, NewLabelInput } from '../protocol/console';

const labelSelect = { id: true, name: true, colour: true } as const;

export async function listLabels(db: Db = defaultDb()): Promise<LabelView[]> {
  return db.label.findMany({ orderBy: { name: 'asc' }, select: labelSelect });
}

export async function createLabel(input: Required<NewLabelInput>, actor: AuditRep, db: Db = defaultDb()): Promise<LabelView> {
  try {
    return await transaction(db, async (tx) => {
      const label = await tx.label.create({ data: input, select: labelSelect });
      await recordAudit(tx, { actor, action: 'label.create', target: `label:${label.id}`, after: label });
      return label;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A label named ${input.name} exists already.`, 'LabelNameTaken');
    throw error;
  }
}

/** Puts the label on the conversation (again: no change) or takes it off (absent: no change). */
export async function setConversationLabel(
  input: { conversationId: string; labelId: string; on: boolean; viewer: Viewer },
  db: Db = defaultDb(),
): Promise<ConversationSummary> {
  return transaction(db, async (tx) => {
    await loadVisibleConversation(tx, input.conversationId, input.viewer);
    const label = await tx.label.findUnique({ where: { id: input.labelId }, select: { id: true } });
    if (!label) throw notFound('No such label.');
    const key = { conversationId: input.conversationId, labelId: input.labelId };
    if (input.on) await tx.conversationLabel.createMany({ data: [{ ...key, addedById: input.viewer.id }], skipDuplicates: true });
    else await tx.conversationLabel.deleteMany({ where: key });
    return publishConversationChange(tx, input.conversationId);
  });
}
