import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskSecret, openSecret, sealSecret } from '@/lib/auth/secret-box';

const key = new Uint8Array(randomBytes(32));

describe('channel secrets at rest', () => {
  it('seal and open round-trip; the sealed form shows nothing of the secret', () => {
    const sealed = sealSecret('s3cr3t-client-secret', key);
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('s3cr3t');
    expect(sealSecret('s3cr3t-client-secret', key)).not.toBe(sealed);
    expect(openSecret(sealed, key)).toBe('s3cr3t-client-secret');
  });

  it('refuses a tampered value or another key', () => {
    const sealed = sealSecret('value', key);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openSecret(tampered, key)).toThrow();
    expect(() => openSecret(sealed, new Uint8Array(randomBytes(32)))).toThrow();
  });

  it('reads values stored before encryption as they are, and masks what it shows', () => {
    expect(openSecret('plain-token', key)).toBe('plain-token');
    expect(maskSecret('abcdefghijkl')).toBe('••••ijkl');
    expect(maskSecret('short')).toBe('••••');
  });
});
