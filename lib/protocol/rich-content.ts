// Rich content a rep may send: suggested actions and Adaptive Cards (Bot Framework shapes).
import { z } from 'zod';

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

export const cardActionSchema = z.object({
  type: z.enum(['imBack', 'postBack', 'messageBack', 'openUrl']).default('imBack'),
  title: z.string().trim().min(1).max(256),
  value: z.string().max(1024),
});

export const suggestedActionsSchema = z.array(cardActionSchema).max(10);

/** An Adaptive Card: validated for shape and size here; rendered by the official renderers. */
export const adaptiveCardSchema = z
  .looseObject({
    type: z.literal('AdaptiveCard'),
    version: z.string().regex(/^1\.\d$/, 'version must be 1.x'),
    body: z.array(z.looseObject({ type: z.string().min(1) })).max(100).optional(),
    actions: z.array(z.looseObject({ type: z.string().min(1) })).max(20).optional(),
  })
  .refine((card) => JSON.stringify(card).length <= 28_000, 'the card is larger than 28 KB');

export type CardAction = z.infer<typeof cardActionSchema>;
export type AdaptiveCard = z.infer<typeof adaptiveCardSchema>;

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_TYPE;
  content: AdaptiveCard;
}

/** Card attachments kept in an activity's raw JSON (files are stored apart, as Attachment rows). */
export function cardAttachmentsOf(raw: unknown): CardAttachment[] {
  const attachments = (raw as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return [];
  return attachments.filter(
    (item): item is CardAttachment => typeof item === 'object' && item !== null && (item as { contentType?: unknown }).contentType === ADAPTIVE_CARD_TYPE,
  );
}

export function suggestedActionsOf(raw: unknown): CardAction[] {
  const parsed = suggestedActionsSchema.safeParse((raw as { suggestedActions?: { actions?: unknown } } | null)?.suggestedActions?.actions);
  return parsed.success ? parsed.data : [];
}
