import { hkdfSync, webcrypto } from 'node:crypto';

// Derivation and key import cost more CPU than the signature check they serve, and the inputs
// change only on a restart: both are done once per secret and purpose.
const derived = new Map<string, Uint8Array>();
const hmacKeys = new Map<string, Promise<CryptoKey>>();

/** A 256-bit key for one purpose, derived from the deployment's secret (HKDF-SHA256). */
export function derivedKey(secret: string, purpose: string): Uint8Array {
  const id = `${purpose}\u0000${secret}`;
  let key = derived.get(id);
  if (!key) derived.set(id, (key = new Uint8Array(hkdfSync('sha256', secret, 'agent-console', purpose, 32))));
  return key;
}

/** The same key, imported once for HS256 signing and verifying (jose takes a CryptoKey). */
export function hmacKey(secret: string, purpose: string): Promise<CryptoKey> {
  const id = `${purpose}\u0000${secret}`;
  let key = hmacKeys.get(id);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', derivedKey(secret, purpose), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']) as Promise<CryptoKey>;
    hmacKeys.set(id, key);
  }
  return key;
}
