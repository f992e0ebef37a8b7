// A bot channel row's settings: the bot's messaging endpoint and its Microsoft app id (the row's
// name). The environment's bot (AGENT_BOT_*) is kept in its row at boot (lib/conversations/defaults.ts).
import { z } from 'zod';
import type { Channel } from '../../db/generated/client';

const botSettingsSchema = z.object({ endpoint: z.url({ protocol: /^https?$/ }), appId: z.string().min(1) });

export type BotSettings = z.infer<typeof botSettingsSchema>;

/** Null when the row holds no usable endpoint (written by hand, say). */
export function botSettings(channel: Pick<Channel, 'name' | 'settings'>): BotSettings | null {
  const parsed = botSettingsSchema.safeParse({ appId: channel.name, ...(channel.settings as object | null) });
  return parsed.success ? parsed.data : null;
}
