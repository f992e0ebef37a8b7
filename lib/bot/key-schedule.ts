// When each of the console's signing keys signs and is published (pure: the rows and a clock in, the
// answer out). A rotation publishes the new key `prepublish` seconds before it signs, so every bot
// has fetched it before the first token it signs arrives; the old key stays published until the
// last token it signed has expired, with the bots' clock tolerance on top.

/** How long a token the console signs for a bot is valid. */
export const CHANNEL_TOKEN_TTL_SECONDS = 600;
/** botbuilder accepts a token up to five minutes past its `exp` (ChannelValidation's clockTolerance). */
export const BOT_CLOCK_TOLERANCE_SECONDS = 300;
/** Instances read the keys through a short cache: one may sign with the old key a little after activation. */
const INSTANCE_LAG_SECONDS = 60;

export interface KeyTimes {
  kid: string;
  generation: number;
  activatesAt: Date;
  retiresAt: Date | null;
}

export type KeyState = 'pending' | 'signing' | 'retiring';

const isPublished = (key: KeyTimes, now: Date) => key.retiresAt === null || key.retiresAt > now;

/** The key that signs now: the newest generation that has activated and is still published. */
export function signingKeyOf<K extends KeyTimes>(keys: readonly K[], now: Date): K | null {
  let found: K | null = null;
  for (const key of keys) {
    if (key.activatesAt <= now && isPublished(key, now) && (!found || key.generation > found.generation)) found = key;
  }
  return found;
}

/** The keys bots may meet: those that sign, will sign, or signed tokens that have not expired yet. */
export function publishedKeysOf<K extends KeyTimes>(keys: readonly K[], now: Date): K[] {
  return keys.filter((key) => isPublished(key, now)).sort((a, b) => b.generation - a.generation);
}

/** Keys past retirement: nothing they signed is still valid. */
export function retiredKeysOf<K extends KeyTimes>(keys: readonly K[], now: Date): K[] {
  return keys.filter((key) => !isPublished(key, now));
}

export function keyStateOf(key: KeyTimes, keys: readonly KeyTimes[], now: Date): KeyState {
  if (key.activatesAt > now) return 'pending';
  return signingKeyOf(keys, now)?.kid === key.kid ? 'signing' : 'retiring';
}

/** A key published and waiting to sign: a rotation is under way and another one would change nothing. */
export const pendingKeyOf = <K extends KeyTimes>(keys: readonly K[], now: Date): K | null => keys.find((key) => key.activatesAt > now) ?? null;

/** The times of a rotation started at `now`: when the new key signs and when the keys before it retire. */
export function rotationTimes(now: Date, prepublishSeconds: number): { activatesAt: Date; retiresAt: Date } {
  const activatesAt = new Date(now.getTime() + prepublishSeconds * 1000);
  return { activatesAt, retiresAt: new Date(activatesAt.getTime() + (INSTANCE_LAG_SECONDS + CHANNEL_TOKEN_TTL_SECONDS + BOT_CLOCK_TOLERANCE_SECONDS) * 1000) };
}

/** The automatic rotation is due when the signing key has signed `rotationDays` and none is waiting. */
export function rotationDue(keys: readonly KeyTimes[], now: Date, rotationDays: number): boolean {
  if (pendingKeyOf(keys, now)) return false;
  const signing = signingKeyOf(keys, now);
  return signing !== null && now.getTime() - signing.activatesAt.getTime() >= rotationDays * 86_400_000;
}
