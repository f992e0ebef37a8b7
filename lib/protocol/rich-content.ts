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

// Hero and thumbnail cards (Bot Framework schema `HeroCard` / `ThumbnailCard`: title, subtitle, text,
// images, buttons, tap), which bots send: shown in the transcript, sent on as they are where the
// channel shows them, and as the channel's own form on WhatsApp.
export const HERO_CARD_TYPE = 'application/vnd.microsoft.card.hero';
export const THUMBNAIL_CARD_TYPE = 'application/vnd.microsoft.card.thumbnail';
const SIMPLE_CARD_TYPES: readonly string[] = [HERO_CARD_TYPE, THUMBNAIL_CARD_TYPE];

const cardText = z.string().max(4096).nullish();

/** A card's button (`CardAction`): any of the schema's types; its value may be an object (messageBack, postBack). */
export const heroButtonSchema = z.looseObject({
  type: z.string().min(1).max(64),
  title: z.string().max(256).nullish(),
  value: z.unknown().optional(),
  text: z.string().max(4096).nullish(),
  displayText: z.string().max(4096).nullish(),
  image: z.string().max(8192).nullish(),
});

export const heroCardSchema = z
  .looseObject({
    title: cardText,
    subtitle: cardText,
    text: cardText,
    images: z.array(z.looseObject({ url: z.string().min(1).max(8192), alt: z.string().max(1024).nullish(), tap: heroButtonSchema.nullish() })).max(10).nullish(),
    buttons: z.array(heroButtonSchema).max(20).nullish(),
    tap: heroButtonSchema.nullish(),
  })
  .refine((card) => JSON.stringify(card).length <= 28_000, 'the card is larger than 28 KB');

export type HeroButton = z.infer<typeof heroButtonSchema>;
export type HeroCard = z.infer<typeof heroCardSchema>;

export interface HeroCardAttachment {
  contentType: typeof HERO_CARD_TYPE | typeof THUMBNAIL_CARD_TYPE;
  content: HeroCard;
}

const isSimpleCard = (item: unknown): item is HeroCardAttachment =>
  typeof item === 'object' && item !== null && SIMPLE_CARD_TYPES.includes((item as { contentType?: unknown }).contentType as string);

/** The hero and thumbnail cards of an activity's raw JSON that fit the schema. */
export function heroCardsOf(raw: unknown): HeroCardAttachment[] {
  const attachments = (raw as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return [];
  return attachments.filter(isSimpleCard).filter((card) => heroCardSchema.safeParse(card.content).success);
}

/** The hero and thumbnail cards that do not fit the schema (refused at the edge rather than dropped later). */
export function invalidHeroCards(raw: unknown): string[] {
  const attachments = (raw as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return [];
  return attachments.filter(isSimpleCard).flatMap((card) => {
    const parsed = heroCardSchema.safeParse(card.content);
    return parsed.success ? [] : [parsed.error.issues.map((issue) => `${issue.path.join('.') || 'card'}: ${issue.message}`).join('; ')];
  });
}

/** Every card an activity carries inline (Adaptive, hero, thumbnail), in its order: what channels that show cards get as-is. */
export function channelCardsOf(raw: unknown): (CardAttachment | HeroCardAttachment)[] {
  const attachments = (raw as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return [];
  const adaptive = new Set<unknown>(cardAttachmentsOf(raw));
  const hero = new Set<unknown>(heroCardsOf(raw));
  return attachments.filter((item) => adaptive.has(item) || hero.has(item));
}
