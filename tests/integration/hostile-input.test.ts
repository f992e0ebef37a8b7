// Thousands of malformed, oversized and hostile requests to every inbound endpoint (fast-check):
// never a 5xx, never a hang, always the JSON error body on 4xx, and nothing half-stored afterwards.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, startDirectLine, type DirectLineStart } from '../support/clients';
import { channelToken, TEST_CONNECTOR_TOKEN } from '../support/fake-identity';
import { identityUrl, teamsChat } from '../support/teams';
import { baseUrl, TEST_DIRECTLINE_SECRET } from '../support/test-env';

/** Every answer within this, or the request counts as hung. */
const ANSWER_WITHIN_MS = 5000;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 200);
const fixture = (name: string) => JSON.parse(readFileSync(path.resolve('tests/fixtures', name), 'utf8'));

interface Answer {
  status: number;
  text: string;
}

type Body = string | Buffer;

async function send(method: string, target: string, body: Body | undefined, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${baseUrl()}${target}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  return { status: response.status, text: await response.text() };
}

/** No 5xx; a 4xx carries `{"error":{"code","message"}}`. Returns whether it succeeded. */
function wellFormed(answer: Answer, what: string): boolean {
  const context = `${what} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } } = {};
    expect(() => (body = JSON.parse(answer.text)), context).not.toThrow();
    expect(typeof body.error?.code, context).toBe('string');
    expect(typeof body.error?.message, context).toBe('string');
  }
  return answer.status < 300;
}

// ---- what hostile payloads look like ------------------------------------------------------------

const SCRIPTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  "'; DROP TABLE \"Conversation\"; --",
];
const hostileString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(...SCRIPTS),
  fc.constantFrom('\u0000', 'a\u0000b', '\u202eexe.png', '\ud800', '\udfff\ud800', '\uffff', '%00', '../../etc/passwd', ''),
  fc.integer({ min: 1000, max: 200_000 }).map((length) => 'x'.repeat(length)),
);
const wrongType = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.constantFrom(null, true, -1, 1e308, [], {}, [[[]]], { $gt: '' }),
);

/** A template with some fields replaced by wrong types or hostile strings, some keys added. */
function mutated(template: Record<string, unknown>) {
  const keys = Object.keys(template);
  return fc
    .record({
      replace: fc.dictionary(keys.length ? fc.constantFrom(...keys) : fc.string(), wrongType, { maxKeys: 3 }),
      extra: fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'prototype')), wrongType, { maxKeys: 2 }),
      text: hostileString,
    })
    .map(({ replace, extra, text }) => {
      const copy: Record<string, unknown> = { ...template, ...replace };
      if ('text' in template) copy.text = text;
      for (const [key, value] of Object.entries(extra)) Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
      return JSON.stringify(copy);
    });
}

/** Bodies that are not what the endpoint expects at all. */
const malformed = (template: Record<string, unknown>) => {
  const valid = JSON.stringify(template);
  return fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.integer({ min: 1, max: valid.length - 1 }).map((cut) => valid.slice(0, cut)),
    fc.integer({ min: 1, max: 150_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    fc.integer({ min: 1, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    fc.constant(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${valid.slice(1)}`),
    fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.concat([Buffer.from(valid.slice(0, -1)), Buffer.from(',"text":"\xff\xfe'), Buffer.from(bytes), Buffer.from('"}')])),
    fc.constant(`${valid.slice(0, -1)},"text":"a\\u0000b"}`),
    fc.constantFrom('', ' ', 'null', '[]', '"string"', '1e999999', '{"a":1}{"b":2}', '\ufeff{}', 'undefined'),
  );
};

const bodyFor = (template: Record<string, unknown>) => fc.oneof({ weight: 2, arbitrary: mutated(template) }, { weight: 2, arbitrary: malformed(template) });

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=zz', 'application/json; charset=utf-16', 'image/png', '', '*/*', 'application/json\t;;;') },
);

// ---- the endpoints --------------------------------------------------------------------------------

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  headers: () => Record<string, string>;
  template: Record<string, unknown>;
  /** A 2xx may open a conversation. */
  opens?: boolean;
  /** The largest body it must take, larger answers 413; null when it reads no body. */
  maxBytes: number | null;
}

let directLine: DirectLineStart;
let teamsToken: string;
let connectorConversation: string;
let rep: ConsoleClient;
let repConversation: string;
let conversationsBefore = 0;
let opened = 0;
const startedAt = new Date();
const SERVICE_URL = 'http://127.0.0.1:9/hostile/';
const teams = teamsChat(SERVICE_URL);

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function endpoints(): Endpoint[] {
  const connector = bearer(TEST_CONNECTOR_TOKEN);
  return [
    { name: 'Direct Line start', method: 'POST', path: () => '/v3/directline/conversations', headers: () => bearer(TEST_DIRECTLINE_SECRET), template: { user: { id: 'hostile-user', name: 'Hostile' } }, opens: true, maxBytes: 1_000_000 },
    { name: 'Direct Line token', method: 'POST', path: () => '/v3/directline/tokens/generate', headers: () => bearer(TEST_DIRECTLINE_SECRET), template: { user: { id: 'hostile-user' } }, opens: true, maxBytes: 1_000_000 },
    { name: 'Direct Line refresh', method: 'POST', path: () => '/v3/directline/tokens/refresh', headers: () => bearer(directLine.token), template: {}, maxBytes: null },
    {
      name: 'Direct Line activity',
      method: 'POST',
      path: () => `/v3/directline/conversations/${directLine.conversationId}/activities`,
      headers: () => bearer(directLine.token),
      template: { type: 'message', from: { id: 'hostile-user', name: 'Hostile' }, text: 'hello', channelData: { clientActivityID: 'c1' }, attachments: [] },
      maxBytes: 1_100_000,
    },
    {
      name: 'Bot Framework channel',
      method: 'POST',
      path: () => '/api/messages',
      headers: () => bearer(teamsToken),
      template: teams.activity({ text: 'hello from Teams' }),
      opens: true,
      maxBytes: 1_100_000,
    },
    {
      name: 'Event Grid',
      method: 'POST',
      path: () => '/api/eventgrid/acs',
      headers: () => ({}),
      template: fixture('acs-advanced-message-received.text.json')[0],
      opens: true,
      maxBytes: 1_048_576,
    },
    { name: 'Connector create', method: 'POST', path: () => '/v3/conversations', headers: () => connector, template: fixture('connector-start-conversation.json'), opens: true, maxBytes: 1_100_000 },
    {
      name: 'Connector activity',
      method: 'POST',
      path: () => `/v3/conversations/${encodeURIComponent(connectorConversation)}/activities`,
      headers: () => connector,
      template: { type: 'message', from: { id: 'bot-1', name: 'Bot' }, text: 'from the bot' },
      maxBytes: 1_100_000,
    },
    {
      name: 'Connector attachment',
      method: 'POST',
      path: () => `/v3/conversations/${encodeURIComponent(connectorConversation)}/attachments`,
      headers: () => connector,
      template: { type: 'image/png', name: 'a.png', originalBase64: 'iVBORw0KGgo=' },
      maxBytes: 40_000_000,
    },
    { name: 'sign-in', method: 'POST', path: () => '/api/console/auth/sign-in', headers: () => ({}), template: { email: 'nobody@hostile.test', password: 'wrong' }, maxBytes: 10_000 },
    {
      name: 'console message',
      method: 'POST',
      path: () => `/api/console/conversations/${repConversation}/messages`,
      headers: () => ({ Cookie: rep.cookieHeader() }),
      template: { text: 'hi', clientId: 'x', suggestedActions: ['a'], attachmentIds: [], cards: [] },
      maxBytes: 1_000_000,
    },
  ];
}

/** Console writes with a signed-in rep: one of them per run, each with a hostile body. */
const CONSOLE_WRITES: { method: string; path: (conversation: string) => string; template: Record<string, unknown> }[] = [
  { method: 'POST', path: (c) => `/api/console/conversations/${c}/accept`, template: { version: 0 } },
  { method: 'POST', path: (c) => `/api/console/conversations/${c}/read`, template: { seq: 1 } },
  { method: 'POST', path: (c) => `/api/console/conversations/${c}/typing`, template: {} },
  { method: 'POST', path: (c) => `/api/console/conversations/${c}/transfer`, template: { toAgentId: 'nobody', note: 'n' } },
  { method: 'POST', path: (c) => `/api/console/conversations/${c}/consult`, template: { agentId: 'nobody' } },
  { method: 'POST', path: (c) => `/api/console/conversations/${c}/wrap-up`, template: { note: 'n' } },
  { method: 'POST', path: (c) => `/api/console/conversations/${c}/close`, template: {} },
  { method: 'PUT', path: () => '/api/console/me/presence', template: { presence: 'available' } },
  { method: 'PATCH', path: () => '/api/console/activities/not-an-activity', template: { text: 'edited' } },
  { method: 'DELETE', path: () => '/api/console/activities/not-an-activity', template: {} },
  { method: 'POST', path: () => '/api/console/activities/not-an-activity/retry', template: {} },
  { method: 'POST', path: () => '/api/console/offers/not-an-offer/accept', template: {} },
  { method: 'POST', path: () => '/api/console/offers/not-an-offer/decline', template: {} },
];

const creds = fc.option(fc.constantFrom('Bearer nonsense', 'Bearer ', 'Basic Zm9vOmJhcg==', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', `Bearer ${'a'.repeat(8000)}`), { freq: 8 });

beforeAll(async () => {
  conversationsBefore = await db().conversation.count();
  directLine = await startDirectLine({ id: 'hostile-user', name: 'Hostile' });
  teamsToken = await channelToken(identityUrl(), { serviceUrl: SERVICE_URL });
  const created = await send('POST', '/v3/conversations', JSON.stringify({ ...fixture('connector-start-conversation.json'), activity: { type: 'message', text: 'start' } }), {
    ...bearer(TEST_CONNECTOR_TOKEN),
    'Content-Type': 'application/json',
  });
  expect(created.status).toBeLessThan(300);
  connectorConversation = JSON.parse(created.text).id;
  // This file's database is its own: the demo agent starts with no conversations.
  rep = await ConsoleClient.signIn('alice@demo.test');
  // The rep's own conversation: a customer wrote, the rep accepted it.
  const customer = await startDirectLine({ id: 'hostile-customer', name: 'Hostile Customer' });
  const said = await send('POST', `/v3/directline/conversations/${customer.conversationId}/activities`, JSON.stringify({ type: 'message', from: { id: 'hostile-customer' }, text: 'help' }), {
    ...bearer(customer.token),
    'Content-Type': 'application/json',
  });
  expect(said.status).toBe(200);
  repConversation = customer.conversationId;
  expect((await rep.call('POST', `/api/console/conversations/${repConversation}/accept`, {})).status).toBe(200);
  opened = 3; // the conversations opened above
}, 60_000);

afterAll(async () => {
  await db().$disconnect();
});

describe('hostile input on every inbound endpoint', () => {
  for (const index of endpoints().keys()) {
    it(`${endpoints()[index]!.name}: malformed, hostile and wrongly typed bodies`, { timeout: 120_000 }, async () => {
      const endpoint = endpoints()[index]!;
      await fc.assert(
        fc.asyncProperty(bodyFor(endpoint.template), contentType, creds, async (body, type, credential) => {
          const headers = { ...endpoint.headers(), 'Content-Type': type, ...(credential && { Authorization: credential }) };
          if (!type) delete (headers as Record<string, string>)['Content-Type'];
          const answer = await send(endpoint.method, endpoint.path(), body, headers);
          if (wellFormed(answer, `${endpoint.name} ${typeof body === 'string' ? body.slice(0, 200) : '<bytes>'}`) && endpoint.opens) opened++;
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('console writes by a signed-in rep', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CONSOLE_WRITES), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), async (write, value, asTemplate) => {
        const body = asTemplate ? JSON.stringify({ ...write.template, text: value }) : JSON.stringify(value);
        const answer = await send(write.method, write.path(repConversation), body, { Cookie: rep.cookieHeader(), 'Content-Type': 'application/json' });
        wellFormed(answer, `${write.method} ${write.path(repConversation)} ${body.slice(0, 200)}`);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('uploads: any bytes, any claimed type, any name (Direct Line, console)', { timeout: 120_000 }, async () => {
    const name = fc.oneof(hostileString.map((value) => value.slice(0, 300)), fc.constantFrom('a.png', 'x.exe', '..\\..\\boot.ini', 'a\u202egnp.exe'));
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 20_000 }),
        fc.constantFrom('image/png', 'application/pdf', 'text/html', 'image/svg+xml', 'application/x-msdownload', 'text/plain', '', 'multipart/form-data; boundary=b', 'multipart/form-data'),
        name,
        fc.boolean(),
        async (bytes, type, fileName, console) => {
          let encoded: string;
          try {
            encoded = encodeURIComponent(fileName);
          } catch {
            encoded = '%E0%A4%A'; // a malformed escape instead of a lone surrogate
          }
          const answer = console
            ? await send('POST', `/api/console/conversations/${repConversation}/attachments`, Buffer.from(bytes), {
                Cookie: rep.cookieHeader(),
                'X-File-Name': encoded,
                ...(type && { 'Content-Type': type }),
              })
            : await send('POST', `/v3/directline/conversations/${directLine.conversationId}/upload?userId=hostile-user`, Buffer.from(bytes), {
                ...bearer(directLine.token),
                'Content-Disposition': `attachment; filename*=UTF-8''${encoded}`,
                ...(type && { 'Content-Type': type }),
              });
          wellFormed(answer, `upload ${type} ${encoded.slice(0, 100)}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('multipart uploads: hostile activity parts, empty and many files', { timeout: 120_000 }, async () => {
    const activity = fc.oneof(
      fc.constant(undefined),
      mutated({ type: 'message', from: { id: 'hostile-user' }, text: 'files' }),
      fc.constantFrom(
        JSON.stringify({ type: 'message', from: { id: 'someone-else' }, text: 'not me' }),
        JSON.stringify({ type: 'typing', from: { id: 'hostile-user' } }),
        JSON.stringify({ type: 'message', from: { id: 'hostile-user' }, channelData: { clientActivityID: 'replayed' } }),
      ),
    );
    const files = fc.array(fc.record({ bytes: fc.uint8Array({ maxLength: 2000 }), type: fc.constantFrom('image/png', 'text/plain', 'application/pdf', 'text/html') }), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(activity, files, async (activityPart, parts) => {
        const form = new FormData();
        if (activityPart !== undefined) form.append('activity', new Blob([activityPart], { type: 'application/vnd.microsoft.activity' }));
        parts.forEach((part, index) => form.append('file', new Blob([new Uint8Array(part.bytes)], { type: part.type }), `f${index}.bin`));
        const response = await fetch(`${baseUrl()}/v3/directline/conversations/${directLine.conversationId}/upload?userId=hostile-user`, {
          method: 'POST',
          headers: bearer(directLine.token),
          body: form,
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        });
        wellFormed({ status: response.status, text: await response.text() }, `multipart ${activityPart?.slice(0, 100)} × ${parts.length}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('query strings and ids: watermarks, conversation ids, attachment ids', { timeout: 120_000 }, async () => {
    const weird = fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('-1', '1e309', 'NaN', '9'.repeat(40), '%', '%00', '..%2F..', '\u202e'));
    await fc.assert(
      fc.asyncProperty(weird, fc.constantFrom('watermark', 'conversation', 'attachment', 'file', 'history'), async (value, where) => {
        // Dots are encoded: a bare `.` or `..` segment is resolved away by the URL itself, before any request.
        const v = encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '')).replaceAll('.', '%2E');
        const targets: Record<string, [string, Record<string, string>]> = {
          watermark: [`/v3/directline/conversations/${directLine.conversationId}/activities?watermark=${v}`, bearer(directLine.token)],
          conversation: [`/v3/directline/conversations/${v || 'x'}?watermark=${v}`, bearer(directLine.token)],
          attachment: [`/v3/attachments/${v || 'x'}/views/${v || 'original'}`, bearer(TEST_CONNECTOR_TOKEN)],
          file: [`/api/files/${v || 'x'}?token=${v}`, {}],
          history: [`/api/console/conversations/${repConversation}/activities?before=${v}&limit=${v}`, { Cookie: rep.cookieHeader() }],
        };
        const [target, headers] = targets[where]!;
        wellFormed(await send('GET', target, undefined, headers), `GET ${target}`);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('API paths no route serves answer a JSON 404, not the console’s HTML page', async () => {
    const targets = ['/api/nope', '/api/files/%2E?token=%2E', '/api/console/nope/deeper', '/v3/nope', '/v3/directline/nope/x', '/v3/views?x=..'];
    for (const target of targets) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const answer = await send(method, target, method === 'POST' ? '{}' : undefined, { 'Content-Type': 'application/json' });
        wellFormed(answer, `${method} ${target}`);
        expect(answer.status, `${method} ${target}`).toBe(404);
      }
    }
    // Direct Line's conversations route takes POST only; a dot segment reaches it too.
    for (const target of ['/v3/directline/conversations', '/v3/directline/conversations/%2E?watermark=%2E']) {
      const answer = await send('GET', target, undefined, {});
      wellFormed(answer, `GET ${target}`);
      expect(answer.status, `GET ${target}`).toBe(405);
    }
  });

  it('bodies over each endpoint’s limit answer 413', { timeout: 120_000 }, async () => {
    for (const endpoint of endpoints()) {
      if (endpoint.maxBytes === null) continue;
      const oversized = Buffer.alloc(endpoint.maxBytes + 1024 * 1024, 0x20);
      const answer = await send(endpoint.method, endpoint.path(), oversized, { ...endpoint.headers(), 'Content-Type': 'application/json' });
      wellFormed(answer, `${endpoint.name} oversized`);
      expect(answer.status, endpoint.name).toBe(413);
    }
    const upload = await send('POST', `/v3/directline/conversations/${directLine.conversationId}/upload?userId=hostile-user`, Buffer.alloc(26 * 1024 * 1024, 1), {
      ...bearer(directLine.token),
      'Content-Type': 'application/pdf',
    });
    expect(upload.status).toBe(413);
  });

  it('bodies streamed past the limit with no Content-Length answer 413 too', { timeout: 120_000 }, async () => {
    const outcomes: string[] = [];
    for (const endpoint of endpoints()) {
      if (endpoint.maxBytes === null) continue;
      let left = endpoint.maxBytes + 1024 * 1024;
      const chunked = new ReadableStream<Uint8Array>({
        pull(controller) {
          const size = Math.min(left, 64 * 1024);
          left -= size;
          if (size > 0) controller.enqueue(new Uint8Array(size).fill(0x20));
          else controller.close();
        },
      });
      const answer = await fetch(`${baseUrl()}${endpoint.path()}`, {
        method: endpoint.method,
        headers: { ...endpoint.headers(), 'Content-Type': 'application/json' },
        body: chunked,
        duplex: 'half',
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      } as RequestInit).then(
        async (response) => ({ status: response.status, text: await response.text() }),
        (error: unknown) => ({ status: 0, text: String(error) }),
      );
      outcomes.push(`${endpoint.name}: ${answer.status}${answer.status === 413 ? '' : ` ${answer.text.slice(0, 120)}`}`);
    }
    expect(outcomes.filter((outcome) => !outcome.endsWith(': 413'))).toEqual([]);
  });

  it('a body nested 5,000 deep answers 400 with the error body on every JSON endpoint', { timeout: 120_000 }, async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const outcomes: string[] = [];
    for (const endpoint of endpoints()) {
      if (endpoint.maxBytes === null || endpoint.maxBytes < deep.length * 2) continue; // the size limit answers first
      // The endpoint's own valid body, with one extension field nested deep (Direct Line's `value`, say).
      for (const field of ['value', 'channelData']) {
        const body = `${JSON.stringify(endpoint.template).slice(0, -1)},"${field}":${deep}}`;
        const answer = await send(endpoint.method, endpoint.path(), body, { ...endpoint.headers(), 'Content-Type': 'application/json' });
        const code = answer.status === 400 ? (JSON.parse(answer.text) as { error: { code: string } }).error.code : answer.text.slice(0, 120);
        outcomes.push(`${endpoint.name} ${field}: ${answer.status} ${code}`);
      }
    }
    expect(outcomes.filter((outcome) => !outcome.endsWith(': 400 BadArgument'))).toEqual([]);
  });

  describe('a 10 MB body', () => {
    const TEN_MB = 10 * 1024 * 1024;
    const refusing = () => endpoints().filter((endpoint) => endpoint.maxBytes !== null && endpoint.maxBytes < TEN_MB);

    it('gets a 413 Node’s fetch can read, every time, on every JSON endpoint', { timeout: 180_000 }, async () => {
      const body = new Uint8Array(TEN_MB).fill(0x20);
      const outcomes: string[] = [];
      for (const endpoint of refusing()) {
        // Three rounds of two at once, over the keep-alive connections the earlier rounds left open.
        for (let round = 0; round < 3; round++) {
          const post = () =>
            fetch(`${baseUrl()}${endpoint.path()}`, {
              method: endpoint.method,
              headers: { ...endpoint.headers(), 'Content-Type': 'application/json' },
              body,
              signal: AbortSignal.timeout(30_000),
            }).then(
              async (response) => `${response.status} ${(JSON.parse(await response.text()) as { error: { code: string } }).error.code}`,
              (error: Error & { cause?: { code?: string } }) => `threw ${error.cause?.code ?? error.message}`,
            );
          for (const outcome of await Promise.all([post(), post()])) outcomes.push(`${endpoint.name} #${round}: ${outcome}`);
        }
      }
      expect(outcomes.filter((outcome) => !outcome.endsWith(': 413 MessageSizeTooBig'))).toEqual([]);
    });

    it('gets a 413 curl can read', { timeout: 180_000 }, async () => {
      const curl = await promisify(execFile)('curl', ['--version']).then(
        () => true,
        () => false,
      );
      if (!curl) return; // curl is not installed here: Node's fetch above covers the behaviour
      const dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
      const file = path.join(dir, 'ten-mb.json');
      writeFileSync(file, Buffer.alloc(TEN_MB, 0x20));
      try {
        const outcomes: string[] = [];
        for (const endpoint of refusing()) {
          const headers = Object.entries({ ...endpoint.headers(), 'Content-Type': 'application/json' }).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
          const { stdout } = await promisify(execFile)('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-X', endpoint.method, ...headers, '--data-binary', `@${file}`, `${baseUrl()}${endpoint.path()}`]).catch(
            (error: { stdout?: string; stderr?: string }) => ({ stdout: `failed ${error.stderr ?? ''}` }),
          );
          outcomes.push(`${endpoint.name}: ${stdout.trim()}`);
        }
        expect(outcomes.filter((outcome) => !outcome.endsWith(': 413'))).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('left nothing half-stored', async () => {
    const orphanActivities = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Activity" a LEFT JOIN "Conversation" c ON c.id = a."conversationId" WHERE c.id IS NULL`;
    expect(Number(orphanActivities[0]!.n)).toBe(0);
    const badFiles = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Attachment" WHERE size <= 0 OR octet_length(bytes) <> size`;
    expect(Number(badFiles[0]!.n)).toBe(0);
    // Direct Line uploads store the files and their activity together, or nothing.
    const unlinked = await db().attachment.count({ where: { conversationId: directLine.conversationId, activityId: null, createdAt: { gte: startedAt } } });
    expect(unlinked).toBe(0);
    // Every conversation's counter matches its activities.
    const seqGaps = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Conversation" c
      WHERE c."lastSeq" <> COALESCE((SELECT max(seq) FROM "Activity" a WHERE a."conversationId" = c.id), 0)`;
    expect(Number(seqGaps[0]!.n)).toBe(0);
    const grown = (await db().conversation.count()) - conversationsBefore;
    expect(grown).toBeLessThanOrEqual(opened);
  });
});
