import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '@/lib/log/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(stream, 'info'), output: () => lines.join('') };
}

const SECRETS = [
  'Bearer eyJhbGciOi.secret-jwt.sig',
  'session=sealed-cookie-value',
  'plain-token-value',
  'directline-secret-value',
  'hunter2-password',
  'oauth-client-secret',
  'oauth-access-token',
  'eventgrid-code-value',
  'file-link-token',
];

describe('the logger never writes a secret', () => {
  it('redacts credential fields, headers and credential query parameters', () => {
    const { logger, output } = capture();
    logger.info(
      {
        req: { headers: { authorization: SECRETS[0], cookie: SECRETS[1], 'content-type': 'application/json' } },
        token: SECRETS[2],
        secret: SECRETS[3],
        body: { password: SECRETS[4], client_secret: SECRETS[5] },
        response: { nested: { access_token: SECRETS[6] } },
        url: `http://localhost/api/eventgrid/acs?code=${SECRETS[7]}&x=1`,
      },
      `fetching /api/files/abc?token=${SECRETS[8]}`,
    );
    const err = new Error(`request to https://example.test/api/files/1?token=${SECRETS[8]} failed`);
    logger.error({ err, url: `/x?access_token=${SECRETS[6]}` }, 'unhandled error');
    const text = output();
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    // What is not a secret still shows, so the log stays useful.
    expect(text).toContain('application/json');
    expect(text).toContain('/api/eventgrid/acs?code=[redacted]&x=1');
    expect(text).toContain('unhandled error');
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(SECRETS.length);
  });

  it('keeps URLs without credentials as they are', () => {
    expect(scrubSecrets('/v3/directline/conversations/abc/activities?watermark=3')).toBe('/v3/directline/conversations/abc/activities?watermark=3');
    expect(scrubSecrets('/api/files/1?name=a&token=xyz')).toBe('/api/files/1?name=a&token=[redacted]');
  });
});
