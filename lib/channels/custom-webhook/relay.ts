import type { Db } from '../../db/client';
import { DEFAULT_CHANNEL_NAME } from '../../conversations/defaults';
import { customChannelSettings } from './settings';

/**
 * Seed 000's relay pattern: when the default custom channel has a webhook (CUSTOM_CHANNEL_WEBHOOK_URL),
 * conversations that arrive through Direct Line or /v3/conversations send everything the rep side
 * does to it. Returns that channel's id, or null.
 */
export async function relayChannelId(db: Db): Promise<string | null> {
  const channel = await db.channel.findUnique({ where: { kind_name: { kind: 'custom', name: DEFAULT_CHANNEL_NAME } } });
  return channel && customChannelSettings(channel) ? channel.id : null;
}
