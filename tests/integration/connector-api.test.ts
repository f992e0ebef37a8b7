import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConnectorClient } from 'botframework-connector';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient } from '../support/clients';
import { channelToken, TEST_CONNECTOR_AUDIENCE, TEST_CONNECTOR_TOKEN } from '../support/fake-identity';
import { pngOfSize } from '../support/images';
import { identityUrl } from '../support/teams';
import { baseUrl } from '../support/test-env';

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve('tests/fixtures', name), 'utf8'));

/** The official ConnectorClient, signing with a static token or a JWT. */
function connector(token: string) {
  const credentials = {
    signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
      request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  return new ConnectorClient(credentials as never, { baseUri: baseUrl() });
}

afterAll(() => db().$disconnect());

describe('the Bot Connector API v3 with the official ConnectorClient', () => {
  it('creates a conversation, sends, replies, updates, deletes, lists members, and it shows in the console', async () => {
    const client = connector(TEST_CONNECTOR_TOKEN);
    const created = await client.conversations.createConversation({
      bot: { id: 'bot-1', name: 'Handover Bot' },
      members: [{ id: 'customer-42', name: 'Connie Connector' }],
      isGroup: false,
      topicName: 'Billing question',
      activity: { type: 'message', from: { id: 'customer-42', name: 'Connie Connector' }, text: 'I was talking to the bot' },
    } as never);
    expect(created).toMatchObject({ id: expect.any(String), activityId: expect.any(String), serviceUrl: baseUrl() });
    const conversationId = created.id!;

    const sent = await client.conversations.sendToConversation(conversationId, {
      type: 'message',
      from: { id: 'bot-1', name: 'Handover Bot', role: 'bot' },
      text: 'Handing you over to a person',
    } as never);
    const replied = await client.conversations.replyToActivity(conversationId, created.activityId!, {
      type: 'message',
      from: { id: 'customer-42', name: 'Connie Connector' },
      text: 'Thanks',
    } as never);
    expect(replied.id).toEqual(expect.any(String));
    await client.conversations.updateActivity(conversationId, sent.id!, { type: 'message', id: sent.id, text: 'Handing you over to a person now' } as never);
    const members = await client.conversations.getConversationMembers(conversationId);
    expect(members).toEqual([{ id: 'customer-42', name: 'Connie Connector', role: 'user' }]);
    expect(await client.conversations.getActivityMembers(conversationId, sent.id!)).toEqual(members);

    const alice = await ConsoleClient.signIn('alice@demo.test');
    const transcript = await alice.call('GET', `/api/console/conversations/${conversationId}/activities`);
    expect(transcript.body.items.map((a: { author: string; text: string }) => [a.author, a.text])).toEqual([
      ['customer', 'I was talking to the bot'],
      ['bot', 'Handing you over to a person now'],
      ['customer', 'Thanks'],
    ]);
    const conversation = await alice.call('GET', `/api/console/conversations/${conversationId}`);
    expect(conversation.body).toMatchObject({ customerName: 'Connie Connector', state: 'queued', channel: 'connector' });

    await client.conversations.deleteActivity(conversationId, replied.id!);
    const row = await db().activity.findUniqueOrThrow({ where: { id: replied.id! } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.previousText).toBe('Thanks');
  });

  it('stores attachments and serves their info and views', async () => {
    const client = connector(TEST_CONNECTOR_TOKEN);
    const { id: conversationId } = await client.conversations.createConversation({ members: [{ id: 'u-att' }] } as never);
    const original = pngOfSize(64, 64);
    const thumbnail = pngOfSize(8, 8);
    const uploaded = await client.conversations.uploadAttachment(conversationId!, {
      type: 'image/png',
      name: 'receipt.png',
      originalBase64: new Uint8Array(original),
      thumbnailBase64: new Uint8Array(thumbnail),
    } as never);
    const info = await client.attachments.getAttachmentInfo(uploaded.id!);
    expect(info).toMatchObject({ name: 'receipt.png', type: 'image/png', views: [{ viewId: 'original', size: original.length }, { viewId: 'thumbnail', size: thumbnail.length }] });
    const view = await fetch(`${baseUrl()}/v3/attachments/${uploaded.id}/views/original`, { headers: { Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}` } });
    expect(Buffer.from(await view.arrayBuffer())).toEqual(original);
    const thumb = await fetch(`${baseUrl()}/v3/attachments/${uploaded.id}/views/thumbnail`, { headers: { Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}` } });
    expect(Buffer.from(await thumb.arrayBuffer())).toEqual(thumbnail);
  });

  it('imports history, and takes seed 000 lifecycle events as timeline entries', async () => {
    const client = connector(TEST_CONNECTOR_TOKEN);
    const { id: conversationId } = await client.conversations.createConversation({ members: [{ id: 'u-hist', name: 'Hist' }] } as never);
    await client.conversations.sendConversationHistory(conversationId!, {
      activities: [
        { type: 'message', id: 'h1', from: { id: 'u-hist' }, text: 'earlier question' },
        { type: 'message', id: 'h2', from: { id: 'bot', role: 'bot' }, text: 'earlier answer' },
      ],
    } as never);
    const accepted = fixture('custom-channel-webhook.agent-accepted.json');
    await client.conversations.sendToConversation(conversationId!, { ...accepted, conversation: { id: conversationId } } as never);
    await client.conversations.sendToConversation(conversationId!, { type: 'typing', from: { id: 'u-hist' } } as never);
    const rows = await db().activity.findMany({ where: { conversationId: conversationId! }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.type, r.text ?? r.name])).toEqual([
      ['message', 'earlier question'],
      ['message', 'earlier answer'],
      ['event', 'AgentAccepted'],
    ]);
  });

  it('accepts a JWT from the configured JWKS, decodes percent-encoded ids, and refuses the rest', async () => {
    const jwt = await channelToken(identityUrl(), { serviceUrl: 'n/a', audience: TEST_CONNECTOR_AUDIENCE });
    const client = connector(jwt);
    const { id } = await client.conversations.createConversation({ members: [{ id: 'u-jwt' }] } as never);
    const encoded = await fetch(`${baseUrl()}/v3/conversations/${encodeURIComponent(id!)}/members`, { headers: { Authorization: `Bearer ${jwt}` } });
    expect(encoded.status).toBe(200);

    for (const token of ['wrong', await channelToken(identityUrl(), { serviceUrl: 'n/a', audience: 'someone-else' })]) {
      const refused = await fetch(`${baseUrl()}/v3/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    const unknown = await fetch(`${baseUrl()}/v3/conversations/${encodeURIComponent('19:nope@thread.skype')}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x' }),
    });
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${baseUrl()}/v3/conversations/${id}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}`, 'Content-Type': 'application/json' },
      body: '{"text": "no type"}',
    });
    expect(bad.status).toBe(400);
  });
});

describe('seed fixtures', () => {
  it("takes every seed 000 webhook payload on /v3/conversations, and Teams' channelCreated", async () => {
    const client = connector(TEST_CONNECTOR_TOKEN);
    const { id: conversationId } = await client.conversations.createConversation({ members: [{ id: 'customer-42', name: 'Seed Customer' }] } as never);
    for (const name of ['message', 'typing', 'attachment', 'agent-accepted', 'agent-closed', 'conversation-closed']) {
      const payload = { ...fixture(`custom-channel-webhook.${name}.json`), conversation: { id: conversationId } };
      const response = await fetch(`${baseUrl()}/v3/conversations/${encodeURIComponent(conversationId!)}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      expect(response.status, name).toBe(201);
    }
    const rows = await db().activity.findMany({ where: { conversationId: conversationId! }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.type, r.text ?? r.name])).toEqual([
      ['message', 'hello'],
      ['message', null],
      ['event', 'AgentAccepted'],
      ['event', 'AgentClosed'],
      ['event', 'ConversationClosed'],
    ]);
    expect((rows[1]!.raw as { attachments: unknown[] }).attachments).toHaveLength(1);
  });
});
