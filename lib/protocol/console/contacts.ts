// Contacts: one person across channels, their identities, custom attributes and conversations.
import { z } from 'zod';
import { conversationStateSchema, instant } from './shared';

export const contactAttributeTypeSchema = z.enum(['text', 'number', 'date', 'boolean', 'choice']);

export const contactAttributeSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: contactAttributeTypeSchema,
  /** The allowed values of a `choice` attribute; empty otherwise. */
  options: z.array(z.string()),
});

const option = z.string().trim().min(1).max(80);

export const newContactAttributeBody = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'A key is lower-case letters, digits and _, starting with a letter (at most 40).'),
    label: z.string().trim().min(1).max(80),
    type: contactAttributeTypeSchema,
    options: z.array(option).max(50).default([]),
  })
  .strict()
  .refine((body) => (body.type === 'choice') === body.options.length > 0, {
    message: 'A choice attribute lists its options; other types take none.',
    path: ['options'],
  });

/** A value as stored and shown: text, choice and date (YYYY-MM-DD) as strings, numbers, booleans. */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** Setting one attribute of a contact; `null` clears it. The type is checked against the attribute's definition. */
export const attributeValueBody = z.object({ value: attributeValueSchema.nullable() }).strict();

export const contactIdentityViewSchema = z.object({
  id: z.string(),
  channel: z.string(),
  /** The channel's id for the customer (a Direct Line user id, a Teams user id, a WhatsApp number). */
  userId: z.string(),
  /** What the channel vouches for (a phone number, an e-mail address); null: nothing. */
  verified: z.object({ kind: z.enum(['phone', 'email']), value: z.string() }).nullable(),
});

export const contactViewSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** Set while this contact is merged into another one (its identities and conversations are there). */
  mergedIntoId: z.string().nullable(),
  identities: z.array(contactIdentityViewSchema),
  attributes: z.array(contactAttributeSchema.extend({ value: attributeValueSchema.nullable() })),
  /** Every conversation of the contact on every channel that the viewer may open, newest first. */
  conversations: z.array(z.object({ id: z.string(), channel: z.string(), state: conversationStateSchema, lastText: z.string().nullable(), lastActivityAt: instant })),
  /** Merges into this contact that can still be undone, newest first. */
  merges: z.array(z.object({ id: z.string(), sourceId: z.string(), sourceName: z.string().nullable(), createdAt: instant })),
});

export const contactSearchQuery = z.object({ q: z.string().trim().max(200).default('') });

export const contactListItemSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  identities: z.array(contactIdentityViewSchema),
});

/** Merging `sourceId` into the contact of the path: the path's contact's values win where both have one. */
export const mergeContactsBody = z.object({ sourceId: z.uuid() }).strict();

export const mergeResultSchema = z.object({ mergeId: z.string(), contact: contactViewSchema });

export type ContactAttributeView = z.infer<typeof contactAttributeSchema>;
export type NewContactAttributeInput = z.input<typeof newContactAttributeBody>;
export type AttributeValue = z.infer<typeof attributeValueSchema>;
export type ContactView = z.infer<typeof contactViewSchema>;
export type ContactListItem = z.infer<typeof contactListItemSchema>;
export type MergeResult = z.infer<typeof mergeResultSchema>;
