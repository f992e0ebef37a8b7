// Where a custom messaging channel's webhook is and how to authenticate to it. Each custom Channel
// row may carry its own settings; the default channel falls back to the CUSTOM_CHANNEL_* variables.
import { z } from 'zod';
import { env } from '../../config/env';
import type { Channel } from '../../db/generated/client';
import { DEFAULT_CHANNEL_NAME } from '../../conversations/defaults';
import { openSettings } from '../channel-settings';

export const customChannelSettingsSchema = z.object({
  webhookUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(1).optional(),
  tokenUrl: z.url({ protocol: /^https?$/ }).optional(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  scope: z.string().min(1).optional(),
});

export type CustomChannelSettings = z.infer<typeof customChannelSettingsSchema>;

export function customChannelSettings(channel: Pick<Channel, 'name' | 'settings'>): CustomChannelSettings | null {
  const own = customChannelSettingsSchema.safeParse(openSettings('custom', (channel.settings ?? {}) as Record<string, unknown>));
  if (own.success) return own.data;
  if (channel.name !== DEFAULT_CHANNEL_NAME) return null;
  const config = env();
  if (!config.CUSTOM_CHANNEL_WEBHOOK_URL) return null;
  return {
    webhookUrl: config.CUSTOM_CHANNEL_WEBHOOK_URL,
    token: config.CUSTOM_CHANNEL_TOKEN,
    tokenUrl: config.CUSTOM_CHANNEL_TOKEN_URL,
    clientId: config.CUSTOM_CHANNEL_CLIENT_ID,
    clientSecret: config.CUSTOM_CHANNEL_CLIENT_SECRET,
    scope: config.CUSTOM_CHANNEL_SCOPE,
  };
}

/** The URL seed 000 defines: `{webhook}/v3/conversations/{conversationId}/activities`. */
export function activitiesUrl(settings: CustomChannelSettings, conversationId: string): string {
  return `${settings.webhookUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
}
