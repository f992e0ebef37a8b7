import { describe, expect, it } from 'vitest';
import { MASKED, maskSecrets } from '@/lib/audit/mask-secrets';

describe('maskSecrets (the audit log never keeps a secret)', () => {
  it('masks every field named like a secret, at any depth, and keeps the rest', () => {
    const settings = {
      appId: 'app',
      appPassword: 'p4ss',
      nested: { clientSecret: 'cs', accessKey: 'k', scope: 'api://x/.default', bearerToken: 't' },
      secrets: [{ id: 'one', secret: 'sealed', createdAt: '2026-01-01' }],
      privateKey: 42,
      password: null,
    };
    expect(maskSecrets(settings)).toEqual({
      appId: 'app',
      appPassword: MASKED,
      nested: { clientSecret: MASKED, accessKey: MASKED, scope: 'api://x/.default', bearerToken: MASKED },
      secrets: [{ id: 'one', secret: MASKED, createdAt: '2026-01-01' }],
      privateKey: MASKED,
      password: null,
    });
  });

  it('leaves values without fields alone', () => {
    expect([maskSecrets('text'), maskSecrets(null), maskSecrets(3)]).toEqual(['text', null, 3]);
  });
});
