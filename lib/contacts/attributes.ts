import { recordAudit, type AuditRep } from '../audit/record-audit';
// Contact attributes: administrators define them; reps set a contact's values.
import type { Viewer } from '../auth/conversation-access';
import { db as defaultDb, type Db } from '../db/client';
import { isUniqueViolation } from '../db/prisma-errors';
import { transaction } from '../db/transaction';
import { conflict, notFound } from '../errors/app-error';
import type { AttributeValue, ContactAttributeView, ContactView } from '../protocol/console';
import type { newContactAttributeBody } from '../protocol/console/contacts';
import type { z } from 'zod';
import { checkedValue } from './attribute-values';
import { contactView } from './contact-view';
import { liveContact } from './live-contact';

const attributeSelect = { id: true, key: true, label: true, type: true, options: true } as const;

export async function listContactAttributes(db: Db = defaultDb()): Promise<ContactAttributeView[]> {
  return db.contactAttribute.findMany({ orderBy: { createdAt: 'asc' }, select: attributeSelect });
}

export async function createContactAttribute(input: z.output<typeof newContactAttributeBody>, actor: AuditRep, db: Db = defaultDb()): Promise<ContactAttributeView> {
  try {
    return await transaction(db, async (tx) => {
      const attribute = await tx.contactAttribute.create({ data: input, select: attributeSelect });
      await recordAudit(tx, { actor, action: 'contactAttribute.create', target: `contactAttribute:${attribute.id}`, after: attribute });
      return attribute;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An attribute with the key ${input.key} exists already.`, 'AttributeKeyTaken');
    throw error;
  }
}

/** Sets (or with null clears) one attribute of a contact, checked against the attribute's type. */
export async function setContactAttribute(
  input: { contactId: string; key: string; value: AttributeValue | null; viewer: Viewer },
  db: Db = defaultDb(),
): Promise<ContactView> {
  return transaction(db, async (tx) => {
    await liveContact(tx, input.contactId);
    const attribute = await tx.contactAttribute.findUnique({ where: { key: input.key } });
    if (!attribute) throw notFound(`No contact attribute ${input.key}.`);
    const where = { contactId_attributeId: { contactId: input.contactId, attributeId: attribute.id } };
    if (input.value === null) {
      await tx.contactAttributeValue.deleteMany({ where: where.contactId_attributeId });
    } else {
      const value = checkedValue(attribute, input.value);
      await tx.contactAttributeValue.upsert({ where, create: { ...where.contactId_attributeId, value }, update: { value } });
    }
    return contactView(input.contactId, input.viewer, tx);
  });
}
