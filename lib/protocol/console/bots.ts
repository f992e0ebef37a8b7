// The console as a bot's channel: checking a bot, the signing keys and their rotation.
import { z } from 'zod';
import { instant } from './shared';

/** A bot to check: its messaging endpoint and Microsoft app id (the token's audience). */
export const botCheckBody = z
  .object({ endpoint: z.url({ protocol: /^https?$/ }).max(2000), appId: z.string().trim().min(1).max(200) })
  .strict();

/**
 * What the bot answered a signed `conversationUpdate`: `accepted` (2xx), `refused` (401/403: it did not
 * trust the token — its issuer, metadata URL or app id), `failed` (another status), `unreachable`, `timeout` (10 s).
 */
export const botCheckOutcomeSchema = z.enum(['accepted', 'refused', 'failed', 'unreachable', 'timeout']);

export const botCheckResultSchema = z.object({
  outcome: botCheckOutcomeSchema,
  /** The bot's HTTP status; null when it did not answer. */
  status: z.number().int().nullable(),
  /** The key that signed the token sent. */
  kid: z.string(),
});

export const signingKeyViewSchema = z.object({
  kid: z.string(),
  /** `pending`: published, signs from `activatesAt`; `signing`; `retiring`: published until `retiresAt` for tokens it signed. */
  state: z.enum(['pending', 'signing', 'retiring']),
  createdAt: instant,
  activatesAt: instant,
  retiresAt: instant.nullable(),
});

export const signingKeysViewSchema = z.object({
  /** Where bots read the keys: the OpenID metadata URL and the issuer to configure. */
  issuer: z.string(),
  openIdMetadataUrl: z.string(),
  keys: z.array(signingKeyViewSchema),
});

export type BotCheckInput = z.input<typeof botCheckBody>;
export type BotCheckResult = z.infer<typeof botCheckResultSchema>;
export type SigningKeysView = z.infer<typeof signingKeysViewSchema>;
