import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient } from '../support/clients';
import { deliveryStateOf } from '../support/custom-channel-setup';
import { channelToken } from '../support/fake-identity';
import { FakeChannel } from '../support/fake-channel';
import { pngOfSize } from '../support/images';
import { identityUrl, postToBot, teamsChat } from '../support/teams';
import { waitUntil } from '../support/wait-until';

let service: FakeChannel;
let alice: ConsoleClient;

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
});
afterEach(async () => {
  await service?.stop();
});
afterAll(async () => {
  await db().$disconnect();
});

async function conversationOf(externalId: string) {
  return waitUntil(() => db().conversation.findFirst({ where: { externalId } }).then((row) => row ?? undefined), 5000, 'conversation');
}

/** A Teams user writes, Alice accepts; returns the chat and our conversation id. */
async function acceptedChat(text = 'Hello from Teams 👋🏽') {
  service = await FakeChannel.start();
  const chat = teamsChat(`${service.url}/amer/`);
  const first = chat.activity({ text });
  expect((await postToBot(first)).status).toBe(200);
  const conversation = await conversationOf(chat.conversationId);
  expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/accept`, {})).status).toBe(200);
  return { chat, conversationId: conversation.id, first };
}

async function reply(conversationId: string, text: string) {
  const response = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text, clientId: `t-${Math.random().toString(36).slice(2, 12)}` });
  expect(response.status).toBe(201);
  return response.body as { id: string };
}

describe('POST /api/messages: who may call', () => {
  it('needs a Bot Framework token for this bot, naming the activity serviceUrl', async () => {
    const chat = teamsChat('https://smba.example.test/amer/');
    const activity = chat.activity({ text: 'hi' });
    expect((await postToBot(activity, null)).status).toBe(401);
    expect((await postToBot(activity, 'not.a.jwt')).status).toBe(401);
    const otherBot = await channelToken(identityUrl(), { serviceUrl: chat.serviceUrl, audience: 'another-bot' });
    expect((await postToBot(activity, otherBot)).status).toBe(401);
    const otherIssuer = await channelToken(identityUrl(), { serviceUrl: chat.serviceUrl, issuer: 'https://evil.example' });
    expect((await postToBot(activity, otherIssuer)).status).toBe(401);
    const otherService = await channelToken(identityUrl(), { serviceUrl: 'https://elsewhere.example/' });
    const refused = await postToBot(activity, otherService);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(await db().conversation.count({ where: { externalId: chat.conversationId } })).toBe(0);
  });
});

describe('Teams messages reach the rep', () => {
  it('opens a conversation with emoji intact and stores a redelivered message once', async () => {
    const chat = teamsChat('https://smba.example.test/amer/');
    const message = chat.activity({ text: 'Grüße 👋🏽 and 😀 — “quotes”', channelData: { tenant: { id: 'tenant-1' }, team: { id: 'team-9', name: 'Support' } } });
    for (let i = 0; i < 3; i++) expect((await postToBot(message)).status).toBe(200);
    const conversation = await conversationOf(chat.conversationId);
    expect(conversation).toMatchObject({ customerName: 'Terry Teams', state: 'queued', serviceUrl: 'https://smba.example.test/amer/' });
    const transcript = await alice.call('GET', `/api/console/conversations/${conversation.id}/activities`);
    expect(transcript.body.items.map((a: { text: string }) => a.text)).toEqual(['Grüße 👋🏽 and 😀 — “quotes”']);
    expect(conversation.channelData).toMatchObject({ tenantId: 'tenant-1', team: { id: 'team-9', name: 'Support' }, conversationType: 'personal' });
  });

  it("keeps Teams' channelData (a channelCreated conversationUpdate) beside the conversation", async () => {
    const chat = teamsChat('https://smba.example.test/amer/');
    const channelData = JSON.parse(readFileSync(path.resolve('tests/fixtures/teams-channel-data.channel-created.json'), 'utf8'));
    const update = chat.activity({ type: 'conversationUpdate', channelData, membersAdded: [{ id: chat.user.id, name: 'Terry Teams' }] });
    expect((await postToBot(update)).status).toBe(200);
    const conversation = await conversationOf(chat.conversationId);
    expect(conversation.channelData).toMatchObject({ tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', channel: { name: 'My New Channel' } });
    expect(await db().participant.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  it('in a group chat acts only on messages that mention the bot, without the mention', async () => {
    const chat = teamsChat('https://smba.example.test/emea/', { group: true });
    expect((await postToBot(chat.activity({ text: 'just chatting' }))).status).toBe(200);
    expect(await db().conversation.count({ where: { externalId: chat.conversationId } })).toBe(0);
    const mention = chat.activity({
      text: '<at>Console Bot</at> I need help',
      entities: [{ type: 'mention', mentioned: chat.bot, text: '<at>Console Bot</at>' }],
    });
    expect((await postToBot(mention)).status).toBe(200);
    const conversation = await conversationOf(chat.conversationId);
    const transcript = await alice.call('GET', `/api/console/conversations/${conversation.id}/activities`);
    expect(transcript.body.items.map((a: { text: string }) => a.text)).toEqual(['I need help']);
  });
});

describe('replies through serviceUrl', () => {
  it('follow the reply mapping with the bot token; lifecycle events stay in the console', async () => {
    const { chat, conversationId, first } = await acceptedChat();
    const sent = await reply(conversationId, 'Happy to help 😀');
    await deliveryStateOf(sent.id, 'sent');
    expect(service.requests).toHaveLength(1);
    const [request] = service.requests;
    expect(request!.path).toBe(`/amer/v3/conversations/${encodeURIComponent(chat.conversationId)}/activities/${first.id}`);
    expect(request!.headers.authorization).toMatch(/^Bearer bot-access-token-\d+$/);
    expect(request!.body).toMatchObject({
      type: 'message',
      from: chat.bot,
      recipient: { id: chat.user.id, name: 'Terry Teams' },
      conversation: { id: chat.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      replyToId: first.id,
      locale: 'en-GB',
      text: 'Happy to help 😀',
      textFormat: 'markdown',
    });
    const stored = await db().activity.findUniqueOrThrow({ where: { id: sent.id } });
    expect(stored.externalId).toBe(String(1_700_000_000_001));
  });

  it('turns Read on a read receipt for every earlier rep message', async () => {
    const { chat, conversationId } = await acceptedChat();
    const one = await reply(conversationId, 'one');
    await deliveryStateOf(one.id, 'sent');
    const two = await reply(conversationId, 'two');
    await deliveryStateOf(two.id, 'sent');
    const receipt = JSON.parse(readFileSync(path.resolve('tests/fixtures/teams-read-receipt.json'), 'utf8'));
    const firstId = (await db().activity.findUniqueOrThrow({ where: { id: one.id } })).externalId!;
    const event = { ...chat.activity({}), ...receipt, serviceUrl: chat.serviceUrl, conversation: { id: chat.conversationId, conversationType: 'personal' }, value: { lastReadMessageId: firstId } };
    expect((await postToBot(event)).status).toBe(200);
    await deliveryStateOf(one.id, 'read');
    expect((await db().activity.findUniqueOrThrow({ where: { id: two.id } })).deliveryState).toBe('sent');
  });

  it('shows edits, soft deletes and undeletes, keeping the previous text', async () => {
    const { chat, conversationId, first } = await acceptedChat('original text');
    const edit = chat.activity({ type: 'messageUpdate', id: first.id, text: 'edited text', channelData: { eventType: 'editMessage', tenant: { id: 'tenant-1' } } });
    expect((await postToBot(edit)).status).toBe(200);
    let row = await db().activity.findFirstOrThrow({ where: { conversationId, externalId: first.id } });
    expect(row).toMatchObject({ text: 'edited text', previousText: 'original text' });
    expect(row.editedAt).toBeInstanceOf(Date);
    const remove = chat.activity({ type: 'messageDelete', id: first.id, channelData: { eventType: 'softDeleteMessage', tenant: { id: 'tenant-1' } } });
    expect((await postToBot(remove)).status).toBe(200);
    row = await db().activity.findFirstOrThrow({ where: { conversationId, externalId: first.id } });
    expect(row).toMatchObject({ text: null, previousText: 'edited text' });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const undelete = chat.activity({ type: 'messageUpdate', id: first.id, text: 'edited text', channelData: { eventType: 'undeleteMessage', tenant: { id: 'tenant-1' } } });
    expect((await postToBot(undelete)).status).toBe(200);
    row = await db().activity.findFirstOrThrow({ where: { conversationId, externalId: first.id } });
    expect(row).toMatchObject({ text: 'edited text', deletedAt: null });
  });
});

describe("the rep's own messages", () => {
  it('are edited and deleted in Teams too (PUT and DELETE on the channel id), by their author only', async () => {
    const { chat, conversationId } = await acceptedChat();
    const sent = await reply(conversationId, 'first version');
    await deliveryStateOf(sent.id, 'sent');
    const channelId = (await db().activity.findUniqueOrThrow({ where: { id: sent.id } })).externalId!;
    const bob = await ConsoleClient.signIn('bob@demo.test');
    expect((await bob.call('PATCH', `/api/console/activities/${sent.id}`, { text: 'hijacked' })).status).toBe(403);

    const edited = await alice.call('PATCH', `/api/console/activities/${sent.id}`, { text: 'second version' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ text: 'second version', editedAt: expect.any(String) });
    await service.waitFor(() => service.requests.some((r) => r.method === 'PUT'));
    const put = service.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/amer/v3/conversations/${encodeURIComponent(chat.conversationId)}/activities/${channelId}`);
    expect(put.body).toMatchObject({ id: channelId, type: 'message', text: 'second version' });

    const deleted = await alice.call('DELETE', `/api/console/activities/${sent.id}`, {});
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ text: null, deletedAt: expect.any(String) });
    await service.waitFor(() => service.requests.some((r) => r.method === 'DELETE'));
    expect(service.requests.find((r) => r.method === 'DELETE')!.path).toBe(put.path);
    const sam = await ConsoleClient.signIn('sam@demo.test');
    const transcript = await sam.call('GET', `/api/console/conversations/${conversationId}/activities`);
    expect(transcript.body.items.find((a: { id: string }) => a.id === sent.id)).toMatchObject({ previousText: 'second version', deletedAt: expect.any(String) });
    const asAgent = await alice.call('GET', `/api/console/conversations/${conversationId}/activities`);
    expect(asAgent.body.items.find((a: { id: string }) => a.id === sent.id)).not.toHaveProperty('previousText');
  });
});

describe('the Bot Framework retry policy against the channel', () => {
  it('honours 429 Retry-After and backs off on 412, sending the reply once in the end', async () => {
    const { conversationId } = await acceptedChat();
    service.reply({ status: 429, headers: { 'Retry-After': '1' } }, { status: 412 });
    const sent = await reply(conversationId, 'after some pushback');
    await deliveryStateOf(sent.id, 'sent', 20_000);
    const hits = service.requests.filter((r) => r.body.text === 'after some pushback');
    expect(hits).toHaveLength(3);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('does not retry a 400, and shows the code', async () => {
    const { conversationId } = await acceptedChat();
    service.reply({ status: 400, body: { error: { code: 'BadArgument', message: 'Unknown activity type' } } });
    const sent = await reply(conversationId, 'rejected');
    const failed = await deliveryStateOf(sent.id, 'failed');
    expect(failed.deliveryError).toBe('Channel answered 400 BadArgument; not retried');
    expect(service.requests).toHaveLength(1);
  });

  it('stops posting to a conversation whose user blocked the bot', async () => {
    const { conversationId } = await acceptedChat();
    service.reply({ status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } });
    const blocked = await reply(conversationId, 'hello?');
    expect((await deliveryStateOf(blocked.id, 'failed')).deliveryError).toBe('Channel answered 403 ConversationBlockedByUser; not retried');
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).blockedAt).toBeInstanceOf(Date);
    const next = await reply(conversationId, 'anyone?');
    expect((await deliveryStateOf(next.id, 'failed')).deliveryError).toBe('The customer has blocked the bot; nothing more is sent');
    expect(service.requests).toHaveLength(1);
  });
});

describe('Teams rules, checked before sending', () => {
  async function upload(conversationId: string, bytes: Buffer, type: string, name: string) {
    const response = await fetch(`${process.env.CONSOLE_URL}/api/console/conversations/${conversationId}/attachments`, {
      method: 'POST',
      headers: { Cookie: alice.cookieHeader(), 'Content-Type': type, 'X-File-Name': name },
      body: new Uint8Array(bytes),
    });
    return ((await response.json()) as { id: string }).id;
  }

  it('sends text and an image as two activities, and refuses what Teams would not show', async () => {
    const { conversationId } = await acceptedChat();
    const image = await upload(conversationId, pngOfSize(640, 480), 'image/png', 'chart.png');
    const both = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text: 'See the chart', clientId: `two-${Date.now()}`, attachmentIds: [image] });
    expect(both.status).toBe(201);
    await service.waitFor(() => service.requests.length >= 2);
    const [text, picture] = service.bodies();
    expect(text).toMatchObject({ text: 'See the chart' });
    expect(text).not.toHaveProperty('attachments');
    expect(picture).not.toHaveProperty('text');
    expect(picture!.attachments).toEqual([{ contentType: 'image/png', contentUrl: expect.stringContaining('/api/files/'), name: 'chart.png' }]);

    const huge = await upload(conversationId, pngOfSize(2048, 2048), 'image/png', 'huge.png');
    const refused = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text: 'big', clientId: `big-${Date.now()}`, attachmentIds: [huge] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({ code: 'NotAcceptedByTeams', message: 'huge.png is 2048×2048; Teams shows images up to 1024×1024.' });
    const tooMany = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, {
      text: 'pick one',
      clientId: `many-${Date.now()}`,
      suggestedActions: ['1', '2', '3', '4', '5', '6', '7'].map((title) => ({ type: 'imBack', title, value: title })),
    });
    expect(tooMany.status).toBe(400);
    expect(service.requests).toHaveLength(2);
  });
});

describe('what Teams answers pauses and resumes sending', () => {
  const refusal = (code: string, status = 403) => ({ status, body: { error: { code, message: `${code} (scripted)` } } });
  const summaryOf = async (conversationId: string) => (await alice.call('GET', `/api/console/conversations/${conversationId}`)).body;
  const installation = (chat: ReturnType<typeof teamsChat>, action: string) =>
    chat.activity({ type: 'installationUpdate', action, text: undefined, channelData: { tenant: { id: 'tenant-1' }, source: null } });

  it('a customer who blocked the bot and writes again gets replies again', async () => {
    const { chat, conversationId } = await acceptedChat();
    service.reply(refusal('ConversationBlockedByUser'));
    const blocked = await reply(conversationId, 'hello?');
    await deliveryStateOf(blocked.id, 'failed');
    expect((await summaryOf(conversationId)).sendingPaused).toBe('ConversationBlockedByUser');
    // Teams sends installationUpdate add when a user unblocks, but a block is the user's: only their message ends it.
    expect((await postToBot(installation(chat, 'add'))).status).toBe(200);
    expect((await summaryOf(conversationId)).sendingPaused).toBe('ConversationBlockedByUser');

    expect((await postToBot(chat.activity({ text: 'sorry, I am back' }))).status).toBe(200);
    await waitUntil(async () => ((await summaryOf(conversationId)).sendingPaused === null ? true : undefined), 5000, 'block cleared');
    const after = await reply(conversationId, 'welcome back');
    await deliveryStateOf(after.id, 'sent');
    expect(service.bodies().map((body) => body.text)).toEqual(['hello?', 'welcome back']);
  });

  it('BotDisabledByAdmin pauses with the reason shown; queued messages fail with it; installationUpdate add resumes and Retry sends', async () => {
    const { chat, conversationId } = await acceptedChat();
    service.reply(refusal('BotDisabledByAdmin'));
    const first = await reply(conversationId, 'one');
    expect((await deliveryStateOf(first.id, 'failed')).deliveryError).toBe('Channel answered 403 BotDisabledByAdmin; not retried');
    expect((await summaryOf(conversationId)).sendingPaused).toBe('BotDisabledByAdmin');
    const second = await reply(conversationId, 'two');
    expect((await deliveryStateOf(second.id, 'failed')).deliveryError).toMatch(/^Sending is paused: the Teams administrator disabled the bot \(BotDisabledByAdmin\)/);
    expect(service.requests).toHaveLength(1);
    // Retry while paused fails again, with the reason, and sends nothing.
    expect((await alice.call('POST', `/api/console/activities/${second.id}/retry`, {})).status).toBe(200);
    await deliveryStateOf(second.id, 'failed');
    expect(service.requests).toHaveLength(1);

    expect((await postToBot(installation(chat, 'add'))).status).toBe(200);
    expect((await summaryOf(conversationId)).sendingPaused).toBeNull();
    expect((await alice.call('POST', `/api/console/activities/${second.id}/retry`, {})).status).toBe(200);
    await deliveryStateOf(second.id, 'sent');
    expect(service.bodies().map((body) => body.text)).toEqual(['one', 'two']);
  });

  it('an installationUpdate without a usable action changes nothing', async () => {
    const { chat, conversationId } = await acceptedChat();
    for (const action of [42, null, 'reinstall', { add: true }]) {
      expect((await postToBot(chat.activity({ type: 'installationUpdate', action, text: undefined }))).status).toBe(200);
    }
    expect((await summaryOf(conversationId)).sendingPaused).toBeNull();
  });

  it('BotNotInConversationRoster and installationUpdate remove pause; the customer writing resumes', async () => {
    const { chat, conversationId } = await acceptedChat();
    service.reply(refusal('BotNotInConversationRoster'));
    const first = await reply(conversationId, 'one');
    await deliveryStateOf(first.id, 'failed');
    expect((await summaryOf(conversationId)).sendingPaused).toBe('BotNotInConversationRoster');
    expect((await postToBot(installation(chat, 'add-upgrade'))).status).toBe(200);
    expect((await summaryOf(conversationId)).sendingPaused).toBeNull();

    expect((await postToBot(installation(chat, 'remove'))).status).toBe(200);
    expect((await summaryOf(conversationId)).sendingPaused).toBe('BotRemoved');
    const second = await reply(conversationId, 'two');
    expect((await deliveryStateOf(second.id, 'failed')).deliveryError).toMatch(/^Sending is paused: the bot was removed from this chat/);
    expect(service.requests).toHaveLength(1);

    expect((await postToBot(chat.activity({ text: 'still there?' }))).status).toBe(200);
    await waitUntil(async () => ((await summaryOf(conversationId)).sendingPaused === null ? true : undefined), 5000, 'pause cleared');
    const third = await reply(conversationId, 'three');
    await deliveryStateOf(third.id, 'sent');
    expect(service.bodies().map((body) => body.text)).toEqual(['one', 'three']);
  });
});

describe('ids Teams no longer knows', () => {
  it('ActivityNotFoundInConversation on the reply-to: the reply goes unthreaded, and so do the next ones', async () => {
    const { chat, conversationId, first } = await acceptedChat();
    service.reply({ status: 404, body: { error: { code: 'ActivityNotFoundInConversation', message: 'Activity not found' } } });
    const sent = await reply(conversationId, 'still answering');
    await deliveryStateOf(sent.id, 'sent');
    const base = `/amer/v3/conversations/${encodeURIComponent(chat.conversationId)}/activities`;
    expect(service.requests.map((r) => r.path)).toEqual([`${base}/${first.id}`, base]);
    expect(service.requests[1]!.body).not.toHaveProperty('replyToId');
    const next = await reply(conversationId, 'and more');
    await deliveryStateOf(next.id, 'sent');
    expect(service.requests[2]!.path).toBe(base);
    expect(service.requests[2]!.body).not.toHaveProperty('replyToId');
  });

  it('ActivityNotFoundInConversation on an edit forgets the message id: the next edit says so without asking Teams', async () => {
    const { conversationId } = await acceptedChat();
    const sent = await reply(conversationId, 'first version');
    await deliveryStateOf(sent.id, 'sent');
    service.reply({ status: 404, body: { error: { code: 'ActivityNotFoundInConversation', message: 'Activity not found' } } });
    expect((await alice.call('PATCH', `/api/console/activities/${sent.id}`, { text: 'second version' })).status).toBe(200);
    const failedEdit = await waitUntil(
      () => db().activity.findUnique({ where: { id: sent.id } }).then((row) => (row?.deliveryError ? row : undefined)),
      20_000,
      'edit failure shown',
    );
    expect(failedEdit.deliveryError).toBe('The edit did not reach the channel: Channel answered 404 ActivityNotFoundInConversation; not retried');
    expect(failedEdit.externalId).toBeNull();
    expect((await alice.call('PATCH', `/api/console/activities/${sent.id}`, { text: 'third version' })).status).toBe(200);
    await waitUntil(
      () => db().activity.findUnique({ where: { id: sent.id } }).then((row) => (row?.deliveryError?.includes('not in the channel') ? row : undefined)),
      20_000,
      'second edit refused',
    );
    expect(service.requests.map((r) => r.method)).toEqual(['POST', 'PUT']);
  });
});

describe('Teams details', () => {
  it('a mention of the bot counts whatever the case of its id', async () => {
    const chat = teamsChat('https://smba.example.test/emea/', { group: true });
    const mention = chat.activity({
      text: '<at>Console Bot</at> upper-case id',
      entities: [{ type: 'mention', mentioned: { ...chat.bot, id: chat.bot.id.toUpperCase() }, text: '<at>Console Bot</at>' }],
    });
    expect((await postToBot(mention)).status).toBe(200);
    const conversation = await conversationOf(chat.conversationId);
    const transcript = await alice.call('GET', `/api/console/conversations/${conversation.id}/activities`);
    expect(transcript.body.items.map((a: { text: string }) => a.text)).toEqual(['upper-case id']);
  });

  it('suggested actions name the customer in `to` and may go with a card', async () => {
    const { chat, conversationId } = await acceptedChat();
    const card = JSON.parse(readFileSync(path.resolve('tests/fixtures/adaptive-card.simple.json'), 'utf8'));
    const sent = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, {
      text: 'Pick one',
      clientId: `card-${Date.now()}`,
      cards: [card],
      suggestedActions: [{ type: 'imBack', title: 'Yes', value: 'yes' }, { type: 'imBack', title: 'No', value: 'no' }],
    });
    expect(sent.status).toBe(201);
    await service.waitFor(() => service.requests.length >= 2);
    const [text, withCard] = service.bodies();
    expect(text).toMatchObject({ text: 'Pick one' });
    expect(text).not.toHaveProperty('suggestedActions');
    expect(withCard).toMatchObject({
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      suggestedActions: { actions: [{ type: 'imBack', title: 'Yes', value: 'yes' }, { type: 'imBack', title: 'No', value: 'no' }], to: [chat.user.id] },
    });
  });
});
