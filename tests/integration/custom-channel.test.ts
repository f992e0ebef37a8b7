import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient } from '../support/clients';
import { createCustomChannel, deliveryStateOf, relayedConversation } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';

let receiver: FakeChannel;
let alice: ConsoleClient;

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
});

afterEach(async () => {
  await receiver?.stop();
});

afterAll(async () => {
  await db().$disconnect();
});

async function setUp(settings: Record<string, string> = {}) {
  receiver = await FakeChannel.start();
  const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'static-token', ...settings });
  const start = await relayedConversation(channel.id, alice);
  return { channel, start };
}

async function reply(conversationId: string, text: string, extra: Record<string, unknown> = {}) {
  const response = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, {
    text,
    clientId: `c-${Math.random().toString(36).slice(2, 12)}`,
    ...extra,
  });
  expect(response.status).toBe(201);
  expect(response.body.deliveryState).toBe('sending');
  return response.body as { id: string };
}

describe('the custom channel webhook', () => {
  it('receives the lifecycle events and the rep message in seed 000 shapes, with the bearer token, once each', async () => {
    const { channel, start } = await setUp();
    const message = await reply(start.conversationId, 'Hello from **Alice**');
    await deliveryStateOf(message.id, 'sent');

    expect(receiver.requests.every((r) => r.method === 'POST')).toBe(true);
    expect(receiver.requests.every((r) => r.path === `/v3/conversations/${start.conversationId}/activities`)).toBe(true);
    expect(receiver.requests.every((r) => r.headers.authorization === 'Bearer static-token')).toBe(true);
    const [assigned, accepted, sent] = receiver.bodies();
    expect(assigned).toMatchObject({ type: 'message', name: 'AgentAssigned', text: 'EventName: **_AgentAssigned_**' });
    expect(accepted).toEqual({
      id: expect.any(String),
      type: 'message',
      channelId: channel.id,
      from: { id: expect.any(String) },
      conversation: { id: start.conversationId },
      text: 'EventName: **_AgentAccepted_**',
      name: 'AgentAccepted',
    });
    expect(sent).toEqual({
      id: message.id,
      type: 'message',
      channelId: channel.id,
      from: { id: expect.any(String), name: 'Alice' },
      conversation: { id: start.conversationId },
      textFormat: 'markdown',
      text: 'Hello from **Alice**',
    });
    expect(receiver.requests[2]!.headers['idempotency-key']).toBe(message.id);
    const ids = receiver.bodies().map((body) => body.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the order of a conversation and records every attempt', async () => {
    const { start } = await setUp();
    const messages = [];
    for (const text of ['one', 'two', 'three', 'four']) messages.push(await reply(start.conversationId, text));
    await deliveryStateOf(messages.at(-1)!.id, 'sent');
    expect(receiver.bodies().filter((body) => body.text && !body.name).map((body) => body.text)).toEqual(['one', 'two', 'three', 'four']);
    const attempts = await db().deliveryAttempt.findMany({ where: { delivery: { activityId: messages[0]!.id } } });
    expect(attempts).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 200, error: null, nextAttemptAt: null, target: expect.stringContaining('/v3/conversations/') }),
    ]);
  });

  it('gives up after three attempts with the reason, and Retry sends it again with the same id', async () => {
    const { start } = await setUp();
    await receiver.waitFor(() => receiver.requests.length >= 2);
    receiver.always({ status: 503 });
    const message = await reply(start.conversationId, 'will fail');
    const failed = await deliveryStateOf(message.id, 'failed', 30_000);
    expect(failed.deliveryError).toBe('Channel answered 503 (3 attempts)');
    const hits = receiver.requests.filter((r) => r.body.id === message.id);
    expect(hits).toHaveLength(3);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(900);
    const attempts = await db().deliveryAttempt.findMany({ where: { delivery: { activityId: message.id } }, orderBy: { attempt: 'asc' } });
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.nextAttemptAt === null])).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 503, true],
    ]);

    const sam = await ConsoleClient.signIn('sam@demo.test');
    const list = await sam.call('GET', '/api/console/deliveries/failed');
    expect(list.body.items).toContainEqual(expect.objectContaining({ activityId: message.id, attempts: 3, reason: 'Channel answered 503 (3 attempts)', lastStatusCode: 503 }));
    expect((await alice.call('GET', '/api/console/deliveries/failed')).status).toBe(403);

    receiver.always({ status: 200 });
    const retried = await alice.call('POST', `/api/console/activities/${message.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body.deliveryState).toBe('sending');
    await deliveryStateOf(message.id, 'sent');
    expect(receiver.requests.filter((r) => r.body.id === message.id)).toHaveLength(4);
    expect((await alice.call('POST', `/api/console/activities/${message.id}/retry`, {})).status).toBe(409);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    const { start } = await setUp();
    await receiver.waitFor(() => receiver.requests.length >= 2);
    receiver.reply({ status: 429, headers: { 'Retry-After': '2' } });
    const message = await reply(start.conversationId, 'slow down');
    await deliveryStateOf(message.id, 'sent');
    const hits = receiver.requests.filter((r) => r.body.id === message.id);
    expect(hits).toHaveLength(2);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  it('abandons a try that hangs past 10 s and tries again', { timeout: 45_000 }, async () => {
    const { start } = await setUp();
    await receiver.waitFor(() => receiver.requests.length >= 2);
    receiver.reply({ status: 200, delayMs: 12_000 });
    const message = await reply(start.conversationId, 'are you there?');
    await deliveryStateOf(message.id, 'sent', 30_000);
    const hits = receiver.requests.filter((r) => r.body.id === message.id);
    expect(hits).toHaveLength(2);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(10_000);
    const attempts = await db().deliveryAttempt.findMany({ where: { delivery: { activityId: message.id } }, orderBy: { attempt: 'asc' } });
    expect(attempts[0]).toMatchObject({ statusCode: null, error: 'timed out' });
  });

  it('gets an OAuth2 client-credentials token once and reuses it', async () => {
    receiver = await FakeChannel.start();
    const channel = await createCustomChannel({
      webhookUrl: receiver.url,
      tokenUrl: `${receiver.url}/oauth/token`,
      clientId: 'console-client',
      clientSecret: 'console-secret',
      scope: 'api://channel/.default',
    });
    const start = await relayedConversation(channel.id, alice);
    const message = await reply(start.conversationId, 'with oauth');
    await deliveryStateOf(message.id, 'sent');
    expect(receiver.tokenRequests).toHaveLength(1);
    expect(Object.fromEntries(receiver.tokenRequests[0]!)).toMatchObject({
      grant_type: 'client_credentials',
      client_id: 'console-client',
      client_secret: 'console-secret',
      scope: 'api://channel/.default',
    });
    expect(receiver.requests.every((r) => r.headers.authorization === 'Bearer oauth-token-1')).toBe(true);
  });

  it('sends attachments with a signed, expiring contentUrl the channel can fetch', async () => {
    const { start } = await setUp();
    const bytes = Buffer.from('%PDF-1.4 fake pdf bytes');
    const upload = await fetch(`${process.env.CONSOLE_URL}/api/console/conversations/${start.conversationId}/attachments`, {
      method: 'POST',
      headers: { Cookie: alice.cookieHeader(), 'Content-Type': 'application/pdf', 'X-File-Name': encodeURIComponent('invoice (1).pdf') },
      body: bytes,
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string };
    const message = await reply(start.conversationId, '', { attachmentIds: [file.id] });
    await deliveryStateOf(message.id, 'sent');
    const body = receiver.bodies().find((b) => b.id === message.id)!;
    expect(body).toMatchObject({
      type: 'message',
      textFormat: 'markdown',
      attachments: [{ contentType: 'application/pdf', contentUrl: expect.stringMatching(/\/api\/files\/.+\?token=/), content: null, name: 'invoice (1).pdf', thumbnailUrl: null }],
    });
    expect(body).not.toHaveProperty('text');
    const url = (body.attachments as { contentUrl: string }[])[0]!.contentUrl;
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes);
    expect(fetched.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await fetch(url.replace(/token=.*/, 'token=forged'))).status).toBe(403);
  });

  it('gets typing with the recipient, and the end of the conversation', async () => {
    const { start } = await setUp();
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/typing`, {})).status).toBe(202);
    await receiver.waitFor(() => receiver.bodies().some((body) => body.type === 'typing'));
    expect(receiver.bodies().find((body) => body.type === 'typing')).toEqual({
      id: expect.any(String),
      type: 'typing',
      channelId: expect.any(String),
      conversation: { id: start.conversationId },
      recipient: { id: expect.stringMatching(/^cust-/) },
    });
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/close`, {})).status).toBe(200);
    await receiver.waitFor(() => receiver.bodies().some((body) => body.name === 'ConversationClosed'));
    expect(receiver.bodies().map((body) => body.name).filter(Boolean)).toEqual(['AgentAssigned', 'AgentAccepted', 'AgentEndSession', 'ConversationClosed']);
  });

  it("emits the supervisor's force close", async () => {
    const { start } = await setUp();
    const sam = await ConsoleClient.signIn('sam@demo.test');
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/close`, { force: true })).status).toBe(403);
    expect((await sam.call('POST', `/api/console/conversations/${start.conversationId}/close`, { force: true })).status).toBe(200);
    await receiver.waitFor(() => receiver.bodies().some((body) => body.name === 'ConversationClosed'));
    expect(receiver.bodies().slice(-2).map((body) => body.name)).toEqual(['SupervisorForceClosedConversation', 'ConversationClosed']);
  });
});
