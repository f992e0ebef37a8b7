import { hkdfSync } from 'node:crypto';

/** A 256-bit key for one purpose, derived from the deployment's secret (HKDF-SHA256). */
export function derivedKey(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'agent-console', purpose, 32));
}
