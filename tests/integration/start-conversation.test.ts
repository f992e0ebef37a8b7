// Seed 003 "start conversation": a rep writes first, from a customer's panel, to someone the channel
// can reach: a Teams user the bot has met (POST {serviceUrl}/v3/conversations, then the message), a
// WhatsApp number (a template when the 24-hour window is closed). Direct Line customers cannot be.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { deliveryStateOf } from '../support/custom-channel-setup';
import { TEST_ACS_CHANNEL, type AcsRequest } from '../support/fake-acs';
import { FakeChannel } from '../support/fake-channel';
import { postToBot, teamsChat } from '../support/teams';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

let alice: ConsoleClient;
let service: FakeChannel | undefined;

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
});
afterAll(() => db().$disconnect());

const conversationOf = (externalId: string) =>
  waitUntil(() => db().conversation.findFirst({ where: { externalId } }).then((row) => row ?? undefined), 5000, `conversation ${externalId}`);
const start = (fromConversationId: string, body: Record<string, unknown>) =>
  alice.call('POST', `/api/console/conversations/${fromConversationId}/start`, { clientId: randomUUID(), ...body });

describe('a Teams user the bot met in a group chat', () => {
  async function groupChat() {
    service = await FakeChannel.start();
    const chat = teamsChat(`${service.url}/emea/`, { group: true });
    const mention = chat.activity({ text: '<at>Console Bot</at> can someone call me?', entities: [{ type: 'mention', mentioned: chat.bot, text: '<at>Console Bot</at>' }] });
    expect((await postToBot(mention)).status).toBe(200);
    return { chat, conversation: await conversationOf(chat.conversationId) };
  }

  it('is offered in the panel, gets a new one-to-one chat through POST /v3/conversations, then the message; the chat is the rep’s', async () => {
    const { chat, conversation } = await groupChat();
    const profile = await alice.call('GET', `/api/console/conversations/${conversation.id}/customer`);
    expect(profile.body.reachFirst).toEqual({ possible: true, customers: [{ id: chat.user.id, name: 'Terry Teams', needsTemplate: false }] });

    service!.reply({ status: 201, body: { id: 'a:private-chat-with-terry', activityId: null } });
    const started = await start(conversation.id, { customerId: chat.user.id, text: 'Hi Terry, Alice from support here' });
    expect(started.status).toBe(201);
    const { conversationId, activity } = started.body as { conversationId: string; activity: { id: string; text: string } };
    expect(conversationId).not.toBe(conversation.id);
    expect(activity.text).toBe('Hi Terry, Alice from support here');

    await deliveryStateOf(activity.id, 'sent');
    const [create, message] = service!.requests;
    expect(create!).toMatchObject({ method: 'POST', path: '/emea/v3/conversations' });
    expect(create!.headers.authorization).toMatch(/^Bearer /);
    expect(create!.body).toEqual({
      bot: chat.bot,
      members: [{ id: chat.user.id, name: 'Terry Teams' }],
      isGroup: false,
      tenantId: 'tenant-1',
      channelData: { tenant: { id: 'tenant-1' } },
    });
    expect(message!.path).toBe(`/emea/v3/conversations/${encodeURIComponent('a:private-chat-with-terry')}/activities`);
    expect(message!.body).toMatchObject({ type: 'message', text: 'Hi Terry, Alice from support here', from: chat.bot, recipient: { id: chat.user.id }, conversation: { id: 'a:private-chat-with-terry', conversationType: 'personal', tenantId: 'tenant-1' } });
    expect(message!.body).not.toHaveProperty('replyToId');

    const summary = await alice.call('GET', `/api/console/conversations/${conversationId}`);
    expect(summary.body).toMatchObject({ channel: 'teams', state: 'active', ownerName: 'Alice', customerName: 'Terry Teams' });

    // Terry answers in the new chat: the same console conversation, threaded on his message from then on.
    const personal = { ...chat.activity({ text: 'Thanks for writing!' }), conversation: { id: 'a:private-chat-with-terry', conversationType: 'personal', tenantId: 'tenant-1' } };
    expect((await postToBot(personal)).status).toBe(200);
    const transcript = await waitUntil(async () => {
      const page = await alice.call('GET', `/api/console/conversations/${conversationId}/activities`);
      return page.body.items.length === 2 ? page.body.items : undefined;
    }, 5000, 'the answer in the started conversation');
    expect(transcript.map((a: { text: string }) => a.text)).toEqual(['Hi Terry, Alice from support here', 'Thanks for writing!']);
  });

  it('a refusal from Teams is a 502 naming it, and nothing is started', async () => {
    const { chat, conversation } = await groupChat();
    service!.reply({ status: 403, body: { error: { code: 'BotDisabledByAdmin', message: 'The bot is disabled' } } });
    const before = await db().conversation.count();
    const refused = await start(conversation.id, { customerId: chat.user.id, text: 'hello' });
    expect(refused.status).toBe(502);
    expect(refused.body.error).toEqual({ code: 'ChannelRefused', message: 'Teams answered 403 BotDisabledByAdmin; the conversation was not started.' });
    expect(await db().conversation.count()).toBe(before);
  });

  it('refuses someone the conversation never met, and bad bodies, with a 4xx', async () => {
    const { conversation } = await groupChat();
    expect((await start(conversation.id, { customerId: '29:stranger', text: 'hello' })).status).toBe(404);
    expect((await start(conversation.id, { customerId: '', text: 'hello' })).status).toBe(400);
    expect((await start(conversation.id, { customerId: 'x'.repeat(2000), text: 'hello' })).status).toBe(400);
    expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/start`, { customerId: '29:x', text: 'no client id' })).status).toBe(400);
    expect(service!.requests).toHaveLength(0);
  });
});

describe('a Direct Line customer', () => {
  it('cannot be reached first: the panel says so and starting is refused', async () => {
    const user = { id: `dl-${randomUUID()}`, name: 'Dora Direct' };
    const dl = await startDirectLine(user);
    await customerSays(dl, 'hello from the web chat', user);
    const conversation = await waitUntil(() => db().conversation.findFirst({ where: { id: dl.conversationId, state: 'queued' } }).then((row) => row ?? undefined), 5000, 'queued');
    const profile = await alice.call('GET', `/api/console/conversations/${conversation.id}/customer`);
    expect(profile.body.reachFirst).toEqual({ possible: false, customers: [] });
    const refused = await start(conversation.id, { customerId: conversation.customerId ?? 'x', text: 'hello' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NotReachableFirst');
  });
});

describe('a WhatsApp number', () => {
  const fixture = JSON.parse(readFileSync(path.resolve('tests/fixtures/acs-advanced-message-received.text.json'), 'utf8'))[0];
  const acsRequests = async () => (await (await fetch(`${process.env.TEST_ACS_URL}/test/requests`)).json()) as AcsRequest[];

  /** A customer wrote, Alice answered and ended the conversation; `hoursAgo` later, she writes first. */
  async function endedConversation(hoursAgo: number) {
    const phone = `1555${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
    const event = { ...fixture, id: randomUUID(), data: { ...fixture.data, from: phone } };
    const delivered = await fetch(`${baseUrl()}/api/eventgrid/acs`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' }, body: JSON.stringify([event]) });
    expect(delivered.status).toBe(200);
    const conversation = await waitUntil(() => db().conversation.findFirst({ where: { customerId: phone } }).then((row) => row ?? undefined), 5000, 'whatsapp conversation');
    expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/accept`, {})).status).toBe(200);
    expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/close`, {})).status).toBe(200);
    // Time passes (the window runs from the customer's last message).
    await db().conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - hoursAgo * 3600_000) } });
    return { phone, conversationId: conversation.id };
  }

  it('lists only the approved templates, with their body and parameter count', async () => {
    const { conversationId } = await endedConversation(1);
    const templates = await alice.call('GET', `/api/console/conversations/${conversationId}/templates`);
    expect(templates.status).toBe(200);
    expect(templates.body.items).toEqual([
      { name: 'order_follow_up', language: 'en_US', body: 'Hello {{1}}, about your order {{2}}: may we help?', parameters: 2 },
      { name: 'welcome_back', language: 'zh_CN', body: '欢迎回来！有什么可以帮您？', parameters: 0 },
    ]);
  });

  it('outside the 24-hour window takes a template (sent as kind "template"), never free text', async () => {
    const { phone, conversationId } = await endedConversation(25);
    const profile = await alice.call('GET', `/api/console/conversations/${conversationId}/customer`);
    expect(profile.body.reachFirst).toEqual({ possible: true, customers: [{ id: phone, name: expect.any(String), needsTemplate: true }] });

    const free = await start(conversationId, { customerId: phone, text: 'Hello again' });
    expect(free.status).toBe(409);
    expect(free.body.error.code).toBe('CustomerServiceWindowClosed');
    expect((await alice.call('GET', `/api/console/conversations/${conversationId}`)).body.state).toBe('closed');

    const template = { name: 'order_follow_up', language: 'en_US', parameters: ['Wang', 'A-1001'] };
    const started = await start(conversationId, { customerId: phone, text: 'Hello Wang, about your order A-1001: may we help?', template });
    expect(started.status).toBe(201);
    expect(started.body.conversationId).toBe(conversationId);
    await deliveryStateOf(started.body.activity.id, 'sent');
    const send = (await acsRequests()).find((request) => (request.body?.to as string[] | undefined)?.[0] === phone && request.body?.kind === 'template');
    expect(send?.body).toEqual({
      channelRegistrationId: TEST_ACS_CHANNEL,
      to: [phone],
      kind: 'template',
      template: {
        name: 'order_follow_up',
        language: 'en_US',
        values: [
          { kind: 'text', name: 'p1', text: 'Wang' },
          { kind: 'text', name: 'p2', text: 'A-1001' },
        ],
        bindings: { kind: 'whatsApp', body: [{ refValue: 'p1' }, { refValue: 'p2' }] },
      },
    });
    expect((await alice.call('GET', `/api/console/conversations/${conversationId}`)).body).toMatchObject({ state: 'active', ownerName: 'Alice' });

    // The composer of that conversation (window still closed) sends another template, not free text.
    expect((await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text: 'free', clientId: randomUUID() })).status).toBe(409);
    const again = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, {
      text: '欢迎回来！有什么可以帮您？',
      clientId: randomUUID(),
      template: { name: 'welcome_back', language: 'zh_CN', parameters: [] },
    });
    expect(again.status).toBe(201);
    await deliveryStateOf(again.body.id, 'sent');
    expect((await acsRequests()).some((request) => request.body?.kind === 'template' && (request.body.template as { name: string }).name === 'welcome_back' && !('values' in (request.body.template as object)))).toBe(true);
  });

  it('inside the window takes free text', async () => {
    const { phone, conversationId } = await endedConversation(2);
    const started = await start(conversationId, { customerId: phone, text: 'One more thing about your order' });
    expect(started.status).toBe(201);
    await deliveryStateOf(started.body.activity.id, 'sent');
    expect((await acsRequests()).find((request) => request.body?.content === 'One more thing about your order')?.body).toMatchObject({ kind: 'text', to: [phone] });
  });

  it('a template is refused where the channel has none (Teams)', async () => {
    service = await FakeChannel.start();
    const chat = teamsChat(`${service.url}/amer/`);
    expect((await postToBot(chat.activity({ text: 'hi' }))).status).toBe(200);
    const conversation = await conversationOf(chat.conversationId);
    expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/accept`, {})).status).toBe(200);
    const refused = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: 't', clientId: randomUUID(), template: { name: 'x', language: 'en', parameters: [] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('NoTemplates');
    expect((await alice.call('GET', `/api/console/conversations/${conversation.id}/templates`)).body).toEqual({ items: [] });
  });
});
