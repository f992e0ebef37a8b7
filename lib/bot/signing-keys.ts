// The console's RS256 keys for the tokens it signs as a bot's channel: generated once (two instances
// starting together collide on the generation number and one key wins), private halves sealed at
// rest, rotated without downtime (key-schedule.ts), retired keys deleted. Each instance reads the
// rows through a five-second cache, so a rotation elsewhere reaches it within seconds.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { openSecret, sealSecret } from '../auth/secret-box';
import { db as defaultDb, type Db } from '../db/client';
import { isUniqueViolation } from '../db/prisma-errors';
import { keyStateOf, pendingKeyOf, publishedKeysOf, retiredKeysOf, rotationDue, rotationTimes, signingKeyOf, type KeyState } from './key-schedule';
import { auditEntryData, type AuditActor } from '../audit/record-audit';

const CACHE_MS = 5_000;
export const SIGNING_ALGORITHM = 'RS256';

interface KeyRow {
  kid: string;
  generation: number;
  privateKey: string;
  publicJwk: unknown;
  createdAt: Date;
  activatesAt: Date;
  retiresAt: Date | null;
}

const store = globalThis as typeof globalThis & { __signingKeys?: { at: number; rows: KeyRow[] }; __signingKeyObjects?: Map<string, Promise<CryptoKey>> };

export function forgetSigningKeys(): void {
  store.__signingKeys = undefined;
}

async function newKeyRow(generation: number, activatesAt: Date) {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, generation, activatesAt, privateKey: sealSecret(JSON.stringify(await exportJWK(privateKey))), publicJwk: { ...publicJwk, kid } };
}

/** Runs `create`; false when another instance created that generation first (one key wins). */
async function oneWins(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

const maxGeneration = (rows: readonly KeyRow[]) => rows.reduce((max, row) => Math.max(max, row.generation), 0);

/** The keys, creating the first one when there is none that signs. */
async function keys(db: Db): Promise<KeyRow[]> {
  const cached = store.__signingKeys;
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.rows;
  let rows = await db.signingKey.findMany();
  if (!signingKeyOf(rows, new Date())) {
    const data = await newKeyRow(maxGeneration(rows) + 1, new Date());
    await oneWins(() => db.signingKey.create({ data }));
    rows = await db.signingKey.findMany();
  }
  store.__signingKeys = { at: Date.now(), rows };
  return rows;
}

function privateKeyOf(row: KeyRow): Promise<CryptoKey> {
  const objects = (store.__signingKeyObjects ??= new Map());
  let key = objects.get(row.kid);
  if (!key) {
    key = importJWK(JSON.parse(openSecret(row.privateKey)) as JWK, SIGNING_ALGORITHM) as Promise<CryptoKey>;
    objects.set(row.kid, key);
  }
  return key;
}

/** The key that signs now, ready to sign. */
export async function currentSigningKey(db: Db = defaultDb()): Promise<{ kid: string; key: CryptoKey }> {
  const row = signingKeyOf(await keys(db), new Date());
  if (!row) throw new Error('no signing key'); // keys() created one
  return { kid: row.kid, key: await privateKeyOf(row) };
}

/** The JWKS bots fetch: every published key's public half. */
export async function publishedJwks(db: Db = defaultDb()): Promise<{ keys: JWK[] }> {
  const published = publishedKeysOf(await keys(db), new Date());
  // No `endorsements`: botbuilder would then require the activity's channelId among them, and the
  // console relays activities of every channel.
  return { keys: published.map((row) => ({ ...(row.publicJwk as JWK), kid: row.kid, use: 'sig', alg: SIGNING_ALGORITHM })) };
}

export interface SigningKeyView {
  kid: string;
  state: KeyState;
  createdAt: Date;
  activatesAt: Date;
  retiresAt: Date | null;
}

/** What administrators see: the published keys, newest first, and what each does now. */
export async function describeSigningKeys(db: Db = defaultDb()): Promise<SigningKeyView[]> {
  forgetSigningKeys();
  const rows = await keys(db);
  const now = new Date();
  return publishedKeysOf(rows, now).map((row) => ({
    kid: row.kid,
    state: keyStateOf(row, rows, now),
    createdAt: row.createdAt,
    activatesAt: row.activatesAt,
    retiresAt: row.retiresAt,
  }));
}

/**
 * Starts a rotation: a new key published now that signs after `prepublishSeconds`; the keys before it
 * retire once their last tokens have expired. While a new key is still waiting, nothing changes (a
 * second administrator's click, or the worker and an administrator at once).
 */
export async function rotateSigningKey(prepublishSeconds: number, actor: AuditActor, db: Db = defaultDb()): Promise<void> {
  const now = new Date();
  const rows = await db.signingKey.findMany();
  if (pendingKeyOf(rows, now)) return;
  const times = rotationTimes(now, prepublishSeconds);
  const data = await newKeyRow(maxGeneration(rows) + 1, times.activatesAt);
  await oneWins(() =>
    db.$transaction([
      db.signingKey.create({ data }),
      db.signingKey.updateMany({ where: { retiresAt: null, generation: { lt: data.generation } }, data: { retiresAt: times.retiresAt } }),
      db.auditEntry.create({
        data: auditEntryData({ actor, action: 'botKey.rotate', target: `botKey:${data.kid}`, after: { generation: data.generation, activatesAt: times.activatesAt } }),
      }),
    ]),
  );
  forgetSigningKeys();
}

/** The worker's periodic care: the automatic rotation when due, and deleting retired keys. */
export async function maintainSigningKeys(options: { prepublishSeconds: number; rotationDays: number }, db: Db = defaultDb()): Promise<void> {
  const now = new Date();
  const rows = await db.signingKey.findMany();
  if (rotationDue(rows, now, options.rotationDays)) await rotateSigningKey(options.prepublishSeconds, 'system', db);
  const retired = retiredKeysOf(rows, now).map((row) => row.kid);
  if (retired.length > 0) {
    await db.signingKey.deleteMany({ where: { kid: { in: retired } } });
    for (const kid of retired) store.__signingKeyObjects?.delete(kid);
    forgetSigningKeys();
  }
}
