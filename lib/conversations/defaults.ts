// Rows every installation has: the default queue and one channel row per built-in channel.
import type { Db, Tx } from '../db/client';
import type { ChannelKind } from '../db/generated/client';
import { env } from '../config/env';

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
  await syncEnvironmentBot(db);
}

/** The environment's bot (AGENT_BOT_*) as a bot channel row named by its app id, its endpoint kept in step at boot. */
async function syncEnvironmentBot(db: Db): Promise<void> {
  const { AGENT_BOT_ENDPOINT: endpoint, AGENT_BOT_APP_ID: appId } = env();
  if (!endpoint || !appId) return;
  const settings = { endpoint, appId };
  await db.channel.upsert({ where: { kind_name: { kind: 'bot', name: appId } }, update: { settings }, create: { kind: 'bot', name: appId, settings } });
}

const environmentBots = new WeakMap<Db, Promise<string | null>>();

/** The environment's bot channel row (null when AGENT_BOT_* are unset): the bot of queues whose botMode is `environment`. */
export function environmentBotChannelId(db: Db): Promise<string | null> {
  let id = environmentBots.get(db);
  if (!id) {
    const { AGENT_BOT_ENDPOINT: endpoint, AGENT_BOT_APP_ID: appId } = env();
    id =
      endpoint && appId
        ? db.channel
            .upsert({ where: { kind_name: { kind: 'bot', name: appId } }, update: {}, create: { kind: 'bot', name: appId, settings: { endpoint, appId } }, select: { id: true } })
            .then((row) => row.id)
        : Promise.resolve(null);
    id.catch(() => environmentBots.delete(db));
    environmentBots.set(db, id);
  }
  return id;
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

const defaultQueues = new WeakMap<Db, Promise<string>>();

/**
 * Where conversations with no queue of their own wait. Queues are never deleted, so the row found
 * once stays valid for the life of the process (renaming it keeps it the default).
 */
export function cachedDefaultQueueId(db: Db): Promise<string> {
  let id = defaultQueues.get(db);
  if (!id) {
    id = db.queue.upsert({ where: { name: DEFAULT_QUEUE }, update: {}, create: { name: DEFAULT_QUEUE }, select: { id: true } }).then((queue) => queue.id);
    // A failure (the database down) is not remembered.
    id.catch(() => defaultQueues.delete(db));
    defaultQueues.set(db, id);
  }
  return id;
}
