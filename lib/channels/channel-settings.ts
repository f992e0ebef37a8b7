// The settings administrators keep on the built-in channels' rows (secrets sealed at rest), with the
// environment variables as defaults. Read through a short cache so every instance picks a change up
// within seconds without a query per request.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { maskSecret, openSecret, sealSecret } from '../auth/secret-box';
import { env } from '../config/env';
import { DEFAULT_CHANNEL_NAME } from '../conversations/defaults';
import { db as defaultDb, type Db } from '../db/client';
import type { ChannelKind, Prisma } from '../db/generated/client';
import { transaction } from '../db/transaction';
import { recordAudit, type AuditRep } from '../audit/record-audit';

const CACHE_MS = 5_000;

export const teamsSettingsSchema = z.object({ appId: z.string().min(1).max(200).optional(), appPassword: z.string().min(1).max(500).optional() });
export const whatsappSettingsSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  accessKey: z.string().min(1).max(500).optional(),
  channelId: z.string().min(1).max(200).optional(),
});
export const directLineSettingsSchema = z.object({
  secrets: z.array(z.object({ id: z.string(), secret: z.string(), createdAt: z.string() })).default([]),
});

/** Fields that are secrets, per channel kind: sealed when stored, masked when shown. */
export const SECRET_FIELDS: Partial<Record<ChannelKind, string[]>> = {
  teams: ['appPassword'],
  whatsapp: ['accessKey'],
  custom: ['token', 'clientSecret'],
};

type Stored = Record<string, unknown>;

interface Snapshot {
  at: number;
  rows: Partial<Record<ChannelKind, Stored>>;
}

const store = globalThis as typeof globalThis & { __channelSettings?: Snapshot };

async function defaultRows(db: Db): Promise<Snapshot['rows']> {
  const now = Date.now();
  if (store.__channelSettings && now - store.__channelSettings.at < CACHE_MS) return store.__channelSettings.rows;
  const rows = await db.channel.findMany({ where: { name: DEFAULT_CHANNEL_NAME }, select: { kind: true, settings: true } });
  const snapshot: Snapshot = { at: now, rows: Object.fromEntries(rows.map((row) => [row.kind, (row.settings ?? {}) as Stored])) };
  store.__channelSettings = snapshot;
  return snapshot.rows;
}

/** After an administrator's change: this instance reads the rows again at once. */
export function forgetChannelSettings(): void {
  store.__channelSettings = undefined;
}

/** Opens the sealed fields of stored settings. */
export function openSettings(kind: ChannelKind, stored: Stored): Stored {
  const open = { ...stored };
  for (const field of SECRET_FIELDS[kind] ?? []) if (typeof open[field] === 'string') open[field] = openSecret(open[field] as string);
  return open;
}

export async function botSettings(db: Db = defaultDb()): Promise<{ appId: string; appPassword: string | null } | null> {
  const own = teamsSettingsSchema.parse(openSettings('teams', (await defaultRows(db)).teams ?? {}));
  const config = env();
  const appId = own.appId ?? config.BOT_APP_ID;
  if (!appId) return null;
  return { appId, appPassword: own.appPassword ?? config.BOT_APP_PASSWORD ?? null };
}

export async function whatsappSettings(db: Db = defaultDb()): Promise<{ endpoint: string; accessKey: string; channelId: string } | null> {
  const own = whatsappSettingsSchema.parse(openSettings('whatsapp', (await defaultRows(db)).whatsapp ?? {}));
  const config = env();
  const endpoint = own.endpoint ?? config.ACS_ENDPOINT;
  const accessKey = own.accessKey ?? config.ACS_ACCESS_KEY;
  const channelId = own.channelId ?? config.ACS_CHANNEL_ID;
  return endpoint && accessKey && channelId ? { endpoint, accessKey, channelId } : null;
}

/** Direct Line secrets: those from DIRECTLINE_SECRETS and those administrators issued (and not revoked). */
export async function directLineSecrets(db: Db = defaultDb()): Promise<string[]> {
  const own = directLineSettingsSchema.parse((await defaultRows(db)).directline ?? {});
  return [...(env().DIRECTLINE_SECRETS ?? []), ...own.secrets.map((entry) => openSecret(entry.secret))];
}

/** Settings as an administrator sees them: secrets masked, and where each value comes from. */
export async function describeChannelSettings(db: Db = defaultDb()) {
  forgetChannelSettings();
  const rows = await defaultRows(db);
  const masked = (kind: ChannelKind) => {
    const open = openSettings(kind, rows[kind] ?? {});
    for (const field of SECRET_FIELDS[kind] ?? []) if (typeof open[field] === 'string') open[field] = maskSecret(open[field] as string);
    return open;
  };
  const config = env();
  const directline = directLineSettingsSchema.parse(rows.directline ?? {});
  return {
    custom: { ...masked('custom'), fromEnvironment: Boolean(config.CUSTOM_CHANNEL_WEBHOOK_URL) },
    teams: { ...masked('teams'), fromEnvironment: Boolean(config.BOT_APP_ID) },
    whatsapp: { ...masked('whatsapp'), fromEnvironment: Boolean(config.ACS_ENDPOINT) },
    directline: {
      fromEnvironment: (config.DIRECTLINE_SECRETS ?? []).length,
      secrets: directline.secrets.map((entry) => ({ id: entry.id, hint: maskSecret(openSecret(entry.secret)), createdAt: entry.createdAt })),
    },
  };
}

/**
 * Saves a channel's settings: a secret field left out keeps its stored value; one given is sealed.
 * `null` removes a field.
 */
export async function saveChannelSettings(
  kind: 'custom' | 'teams' | 'whatsapp',
  patch: Record<string, string | null | undefined>,
  actor: AuditRep,
  db: Db = defaultDb(),
): Promise<void> {
  await transaction(db, async (tx) => {
    const channel = await tx.channel.findUniqueOrThrow({ where: { kind_name: { kind, name: DEFAULT_CHANNEL_NAME } } });
    const before: Stored = (channel.settings ?? {}) as Stored;
    const next: Stored = { ...before };
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value === null) delete next[field];
      else next[field] = (SECRET_FIELDS[kind] ?? []).includes(field) ? sealSecret(value) : value;
    }
    await tx.channel.update({ where: { id: channel.id }, data: { settings: next as Prisma.InputJsonObject } });
    // recordAudit masks every secret field (sealed or not) by its name.
    await recordAudit(tx, { actor, action: 'channel.settings', target: `channel:${kind}`, before, after: next });
  });
  forgetChannelSettings();
}

/** Issues a new Direct Line secret (shown once) alongside the others: rotation without downtime. */
export async function issueDirectLineSecret(actor: AuditRep, db: Db = defaultDb()): Promise<{ id: string; secret: string }> {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  await transaction(db, async (tx) => {
    const channel = await tx.channel.findUniqueOrThrow({ where: { kind_name: { kind: 'directline', name: DEFAULT_CHANNEL_NAME } } });
    const current = directLineSettingsSchema.parse(channel.settings ?? {});
    const secrets = [...current.secrets, { id, secret: sealSecret(secret), createdAt: new Date().toISOString() }];
    await tx.channel.update({ where: { id: channel.id }, data: { settings: { secrets } } });
    await recordAudit(tx, { actor, action: 'directline.secretIssue', target: `channel:directline`, after: { id } });
  });
  forgetChannelSettings();
  return { id, secret };
}

export async function revokeDirectLineSecret(id: string, actor: AuditRep, db: Db = defaultDb()): Promise<boolean> {
  const revoked = await transaction(db, async (tx) => {
    const channel = await tx.channel.findUniqueOrThrow({ where: { kind_name: { kind: 'directline', name: DEFAULT_CHANNEL_NAME } } });
    const current = directLineSettingsSchema.parse(channel.settings ?? {});
    const secrets = current.secrets.filter((entry) => entry.id !== id);
    if (secrets.length === current.secrets.length) return false;
    await tx.channel.update({ where: { id: channel.id }, data: { settings: { secrets } } });
    await recordAudit(tx, { actor, action: 'directline.secretRevoke', target: `channel:directline`, before: { id } });
    return true;
  });
  forgetChannelSettings();
  return revoked;
}
