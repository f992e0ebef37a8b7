// Rows every installation has: the default queue and one channel row per built-in channel.
import type { Db, Tx } from '../db/client';
import type { ChannelKind } from '../db/generated/client';

export const DEFAULT_QUEUE = 'General';
export const DEFAULT_CHANNEL_NAME = 'default';

export async function ensureDefaults(db: Db): Promise<void> {
  await db.queue.upsert({ where: { name: DEFAULT_QUEUE }, update: {}, create: { name: DEFAULT_QUEUE } });
  for (const kind of ['directline', 'connector', 'teams', 'whatsapp', 'custom'] as const) {
    await db.channel.upsert({
      where: { kind_name: { kind, name: DEFAULT_CHANNEL_NAME } },
      update: {},
      create: { kind, name: DEFAULT_CHANNEL_NAME },
    });
  }
}

const cache = new Map<string, string>();

export async function defaultChannelId(tx: Tx | Db, kind: ChannelKind): Promise<string> {
  const cached = cache.get(kind);
  if (cached) return cached;
  const channel = await tx.channel.upsert({
    where: { kind_name: { kind, name: DEFAULT_CHANNEL_NAME } },
    update: {},
    create: { kind, name: DEFAULT_CHANNEL_NAME },
    select: { id: true },
  });
  cache.set(kind, channel.id);
  return channel.id;
}

export async function defaultQueueId(tx: Tx): Promise<string> {
  const queue = await tx.queue.upsert({
    where: { name: DEFAULT_QUEUE },
    update: {},
    create: { name: DEFAULT_QUEUE },
    select: { id: true },
  });
  return queue.id;
}
