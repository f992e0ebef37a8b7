// Channel secrets at rest: AES-256-GCM with a key from the environment (SECRETS_KEY, or one derived
// from SESSION_SECRET). A stored value reads `enc:v1:<iv|tag|ciphertext, base64url>`; anything
// else is a value written before encryption (or by hand) and is read as it is.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env, sessionSecret, type Env } from '../config/env';
import { derivedKey } from './derived-key';

const PREFIX = 'enc:v1:';

export function secretsKey(config: Env = env()): Uint8Array {
  return config.SECRETS_KEY ? new Uint8Array(Buffer.from(config.SECRETS_KEY, 'base64')) : derivedKey(sessionSecret(config), 'channel-secrets');
}

export const isSealed = (value: string) => value.startsWith(PREFIX);

export function sealSecret(plain: string, key: Uint8Array = secretsKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openSecret(stored: string, key: Uint8Array = secretsKey()): string {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** What an administrator sees of a stored secret: never more than its last four characters. */
export function maskSecret(plain: string): string {
  return plain.length <= 8 ? '••••' : `••••${plain.slice(-4)}`;
}
