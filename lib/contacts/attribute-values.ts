// Contact attributes: what administrators define and the values reps give them, checked by type.
import { z } from 'zod';
import type { ContactAttribute } from '../db/generated/client';
import { badRequest } from '../errors/app-error';
import type { AttributeValue } from '../protocol/console';

const ISO_DATE = z.iso.date();

function schemaOf(attribute: Pick<ContactAttribute, 'type' | 'options'>): z.ZodType<AttributeValue> {
  switch (attribute.type) {
    case 'text':
      return z.string().trim().min(1).max(2000);
    case 'number':
      return z.number().finite();
    case 'date':
      return ISO_DATE;
    case 'boolean':
      return z.boolean();
    case 'choice':
      return z.string().refine((value) => attribute.options.includes(value), 'Not one of the options.');
  }
}

/** The value as stored, or 400 InvalidAttributeValue naming what is wrong. */
export function checkedValue(attribute: Pick<ContactAttribute, 'key' | 'type' | 'options'>, value: AttributeValue): AttributeValue {
  const parsed = schemaOf(attribute).safeParse(value);
  if (!parsed.success) {
    throw badRequest('InvalidAttributeValue', `${attribute.key} takes a ${attribute.type}${attribute.type === 'choice' ? ` (${attribute.options.join(', ')})` : ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

/** A stored JSON value, as the view shows it (anything else reads as no value). */
export function storedValue(value: unknown): AttributeValue | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}
