// The edges: uploads typed by their bytes and served safely, cross-site writes refused, security
// headers, and per-caller rate limits on a second app instance with a small limit.
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, directLine, startDirectLine } from '../support/clients';
import { pngOfSize } from '../support/images';
import { startInstance, stopInstances } from '../support/second-instance';
import { baseUrl } from '../support/test-env';

const errorBody = (code: string) => ({ error: { code, message: expect.any(String) } });
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x3a), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(0x40), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

afterAll(async () => {
  await stopInstances();
  await db().$disconnect();
});

/** Uploads one raw file through Direct Line and returns what the customer's client then reads. */
async function uploadAndRead(bytes: Buffer, contentType: string, fileName: string) {
  const start = await startDirectLine({ id: 'edge-user', name: 'Edge' });
  const response = await fetch(`${baseUrl()}/v3/directline/conversations/${start.conversationId}/upload?userId=edge-user`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${start.token}`, 'Content-Type': contentType, 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` },
    body: new Uint8Array(bytes),
  });
  expect(response.status).toBe(200);
  const { id } = (await response.json()) as { id: string };
  const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
  const attachment = read.body.activities.find((activity: { id: string }) => activity.id === id).attachments[0] as { contentType: string; name: string; contentUrl: string };
  const file = await fetch(attachment.contentUrl);
  expect(file.status).toBe(200);
  expect(file.headers.get('x-content-type-options')).toBe('nosniff');
  expect(file.headers.get('content-security-policy')).toBe('sandbox');
  return { attachment, file };
}

describe('uploads are typed by their bytes and served safely', () => {
  it('a PNG named x.exe stays a PNG and shows inline', async () => {
    const { attachment, file } = await uploadAndRead(pngOfSize(4, 4), 'application/octet-stream', 'x.exe');
    expect(attachment).toMatchObject({ contentType: 'image/png', name: 'x.exe' });
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="?x\.exe"?;?/);
  });

  it('an executable claiming image/png is stored as octet-stream and downloads', async () => {
    const { attachment, file } = await uploadAndRead(EXE, 'image/png', 'holiday.png');
    expect(attachment.contentType).toBe('application/octet-stream');
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="?holiday\.png"?;?/);
  });

  it('HTML claiming to be text downloads as text; names lose paths and direction overrides', async () => {
    const { attachment, file } = await uploadAndRead(Buffer.from('<script>alert(document.cookie)</script>'), 'text/plain', '..\\..\\invoice\u202etxt.html');
    expect(attachment).toMatchObject({ contentType: 'text/plain', name: 'invoicetxt.html' });
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('an SVG from the console is never served inline', async () => {
    const rep = await ConsoleClient.signIn('sam@demo.test');
    const start = await startDirectLine({ id: 'edge-svg', name: 'Edge Svg' });
    // A conversation reps can see: a customer has written in it.
    await customerSays(start, 'Here is our logo', { id: 'edge-svg', name: 'Edge Svg' });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const response = await fetch(`${baseUrl()}/api/console/conversations/${start.conversationId}/attachments`, {
      method: 'POST',
      headers: { Cookie: rep.cookieHeader(), 'Content-Type': 'image/svg+xml', 'X-File-Name': encodeURIComponent('logo.svg') },
      body: svg,
    });
    expect(response.status).toBe(201);
    const stored = (await response.json()) as { id: string; contentType: string };
    expect(stored.contentType).toBe('application/octet-stream');
    const file = await fetch(`${baseUrl()}/api/console/attachments/${stored.id}`, { headers: { Cookie: rep.cookieHeader() } });
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="?logo\.svg"?;?/);
    expect(file.headers.get('content-security-policy')).toBe('sandbox');
  });
});

describe('cross-site writes', () => {
  it('are refused with CsrfRejected; same-origin ones and programs pass', async () => {
    const rep = await ConsoleClient.signIn('sam@demo.test');
    const presence = (headers: Record<string, string>) => rep.call('PUT', '/api/console/me/presence', { presence: 'away' }, headers);
    expect(await presence({ Origin: 'https://evil.example' })).toMatchObject({ status: 403, body: errorBody('CsrfRejected') });
    expect(await presence({ Origin: 'null' })).toMatchObject({ status: 403, body: errorBody('CsrfRejected') });
    expect(await presence({ 'Sec-Fetch-Site': 'cross-site' })).toMatchObject({ status: 403, body: errorBody('CsrfRejected') });
    expect(await presence({ 'Sec-Fetch-Site': 'same-site', Origin: 'https://sub.example' })).toMatchObject({ status: 403 });
    expect((await presence({ Origin: baseUrl(), 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await presence({})).status).toBe(200);
    // Reading is never refused for its origin.
    expect((await rep.call('GET', '/api/console/me', undefined, { Origin: 'https://evil.example' })).status).toBe(200);
    // Nor can another site sign someone in.
    const signIn = await fetch(`${baseUrl()}/api/console/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'sam@demo.test', password: 'demo-password' }),
    });
    expect(signIn.status).toBe(403);
    await presence({});
    await rep.call('PUT', '/api/console/me/presence', { presence: 'offline' });
  });
});

describe('security headers', () => {
  it('pages carry a strict nonce-based CSP; every answer carries the fixed headers', async () => {
    const page = await fetch(`${baseUrl()}/sign-in`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "connect-src 'self'"]) expect(csp).toContain(directive);
    // Every inline script of the page carries this response's nonce.
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${baseUrl()}/sign-in`);
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);
    // The ingest paths the custom server answers itself (lib/server/direct-routes.ts) too.
    const directLine = await fetch(`${baseUrl()}/v3/directline/conversations/none/activities`, { method: 'POST', body: '{}' });
    const eventGrid = await fetch(`${baseUrl()}/api/eventgrid/acs`, { method: 'POST', body: '[]' });
    expect(directLine.status).toBe(401);
    expect((await directLine.json()).error.code).toBe('BadArgument');
    expect(eventGrid.status).toBeGreaterThanOrEqual(400);
    for (const response of [page, await fetch(`${baseUrl()}/api/health`), directLine, eventGrid]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('per-caller rate limits', () => {
  // The counters live in the database this file's own app shares, so each caller here is one that
  // app has not counted yet: a fresh conversation token, and an address given by the trusted proxy.
  it('answer 429 with Retry-After once a caller has used its allowance, per caller', { timeout: 90_000 }, async () => {
    const url = await startInstance({ RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '1' });
    const conversation = await startDirectLine({ id: 'limited-user' });
    const read = () => fetch(`${url}/v3/directline/conversations/${conversation.conversationId}/activities`, { headers: { Authorization: `Bearer ${conversation.token}` } });
    for (let i = 0; i < 5; i++) expect((await read()).status).toBe(200);
    const refused = await read();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual(errorBody('TooManyRequests'));
    // Another caller is not held back by the first one.
    const start = (secret: string) =>
      fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect((await start('another-secret')).status).toBe(401);
    // Sign-in per address: the sixth attempt within the minute is refused before any password check.
    const signIn = () =>
      fetch(`${url}/api/console/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7' },
        body: JSON.stringify({ email: 'nobody@edge.test', password: 'x' }),
      });
    for (let i = 0; i < 5; i++) expect((await signIn()).status).toBe(401);
    expect((await signIn()).status).toBe(429);
    // The console itself is not rate limited.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });
});
