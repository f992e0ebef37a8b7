// A bot answers first, over Teams and WhatsApp (issue 19): a Teams customer (POST /api/messages with
// the channel's token, replies to a fake serviceUrl) and a WhatsApp customer (Event Grid deliveries,
// sends to a fake ACS) each talk to the queue's real botbuilder bot (tests/support/handoff-bot.ts):
// the bot hears them with their own channelId, its echo reaches them on their own channel, its card and
// suggested actions follow the channel's rules, and its handoff reaches a rep who accepts and closes.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { ConsoleClient } from '../support/clients';
import { FakeChannel } from '../support/fake-channel';
import { MEDIA_BYTES, TEST_ACS_CHANNEL, type AcsRequest } from '../support/fake-acs';
import { BOT_CARD, BOT_CHOICES, type HandoffBot } from '../support/handoff-bot';
import { signInBotTeam, startGeneralBot, type BotTeam } from '../support/queue-bot';
import { postToBot, teamsChat } from '../support/teams';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

let team: BotTeam;
let alice: ConsoleClient;
let sam: ConsoleClient;
let bot: HandoffBot;
let appId: string;
let service: FakeChannel | undefined;
/** A customer from hello to close: many round trips through the bot and the outbox (slow on a busy machine). */
const WHOLE_CONVERSATION_MS = 90_000;

beforeAll(async () => {
  team = await signInBotTeam();
  ({ alice, sam } = team);
});

afterEach(async () => {
  await bot?.stop();
  await service?.stop();
  service = undefined;
});

afterAll(async () => {
  await db().$disconnect();
});

async function botForGeneral(): Promise<void> {
  ({ bot, appId } = await startGeneralBot(team));
}

/** The first message the bot heard in a conversation: the customer's, as a channel delivers it. */
async function botHeardFirst(conversationId: string, customer: { channelId: string; from: Record<string, string> }) {
  const heard = await bot.waitFor(() => bot.received.find((a) => a.conversation?.id === conversationId && a.type === 'message'));
  expect(heard).toMatchObject({
    type: 'message',
    text: 'hello bot',
    channelId: customer.channelId,
    serviceUrl: baseUrl(),
    conversation: { id: conversationId },
    recipient: { id: appId, role: 'bot' },
    from: { ...customer.from, role: 'user' },
  });
  return heard;
}

const conversationOf = async (id: string) => (await sam.call('GET', `/api/console/conversations/${id}`)).body;

/** The console's conversation of a channel's conversation (Teams' conversation id, a WhatsApp number). */
const consoleConversation = (where: { externalId: string } | { customerId: string }) =>
  waitUntil(() => db().conversation.findFirst({ where }).then((row) => row ?? undefined), 10_000, 'the conversation');

/** The bot asked for a person; a rep accepts, then closes: the bot hears accepted, then completed. */
async function handOverAcceptClose(conversationId: string, askForAPerson: () => Promise<void>) {
  await askForAPerson();
  const queued = await waitUntil(async () => {
    const found = await conversationOf(conversationId);
    return found.state === 'queued' && found;
  });
  expect(queued).toMatchObject({ handoffKind: 'handoff', botAppId: appId });
  const { handoff } = (await alice.call('GET', `/api/console/conversations/${conversationId}/handoff`)).body;
  expect(handoff).toMatchObject({ kind: 'handoff', botAppId: appId, context: { skill: 'General' } });

  expect((await alice.call('POST', `/api/console/conversations/${conversationId}/accept`, {})).status).toBe(200);
  const states = () => bot.handoffStatuses.filter((s) => s.conversationId === conversationId).map((s) => s.state);
  await bot.waitFor(() => states().includes('accepted'));
  expect((await alice.call('POST', `/api/console/conversations/${conversationId}/close`, {})).status).toBe(200);
  await bot.waitFor(() => states().includes('completed'));
  expect(states()).toEqual(['accepted', 'completed']);
  const statusEvents = bot.received.filter((a) => a.name === 'handoff.status' && a.conversation?.id === conversationId);
  return statusEvents;
}

describe('a Teams customer and the bot', () => {
  async function teamsCustomer() {
    service = await FakeChannel.start();
    const chat = teamsChat(`${service.url}/amer/`);
    const says = async (text: string) => {
      const activity = chat.activity({ text });
      expect((await postToBot(activity)).status).toBe(200);
      return activity;
    };
    return { chat, says };
  }
  /** What the fake Teams service received for this chat. */
  const teamsReceived = (chat: ReturnType<typeof teamsChat>) =>
    service!.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/amer/v3/conversations/${encodeURIComponent(chat.conversationId)}/activities`));

  it('hears the customer as msteams; its echo is a reply on the serviceUrl; it hands over, hears accepted and completed', async () => {
    await botForGeneral();
    const { chat, says } = await teamsCustomer();
    const first = await says('hello bot');
    const conversation = await consoleConversation({ externalId: chat.conversationId });

    await botHeardFirst(conversation.id, { channelId: 'msteams', from: { id: chat.user.id, name: 'Terry Teams' } });
    // The customer's typing in Teams reaches the bot too.
    expect((await postToBot(chat.activity({ type: 'typing' }))).status).toBe(200);
    await bot.waitFor(() => bot.received.some((a) => a.type === 'typing' && a.conversation?.id === conversation.id && a.channelId === 'msteams'));

    const echo = await waitUntil(async () => teamsReceived(chat).find((r) => r.body.text === 'echo: hello bot'), 20_000, 'the echo at the Teams serviceUrl');
    expect(echo.path).toBe(`/amer/v3/conversations/${encodeURIComponent(chat.conversationId)}/activities/${first.id}`);
    expect(echo.headers.authorization).toMatch(/^Bearer bot-access-token-\d+$/);
    expect(echo.body).toMatchObject({ type: 'message', from: chat.bot, recipient: { id: chat.user.id }, conversation: { id: chat.conversationId }, replyToId: first.id });
    expect(await conversationOf(conversation.id)).toMatchObject({ state: 'bot', ownerId: null, botAppId: appId });

    const statuses = await handOverAcceptClose(conversation.id, async () => {
      await says('agent');
    });
    expect(statuses.every((a) => a.channelId === 'msteams')).toBe(true);
    expect(teamsReceived(chat).some((r) => r.body.text === 'Let me find a person for you.')).toBe(true);
    const transcript = await alice.call('GET', `/api/console/conversations/${conversation.id}/activities`);
    expect(transcript.body.items).toContainEqual(expect.objectContaining({ text: 'echo: hello bot', author: 'bot' }));
  }, WHOLE_CONVERSATION_MS);

  it('sends the bot’s Adaptive Card as an attachment and its suggested actions as suggestedActions', async () => {
    await botForGeneral();
    const { chat, says } = await teamsCustomer();
    await says('card');
    const card = await waitUntil(async () => teamsReceived(chat).find((r) => Array.isArray(r.body.attachments)), 20_000, 'the card at the Teams serviceUrl');
    expect(card.body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: BOT_CARD }]);

    await says('choices');
    const choices = await waitUntil(async () => teamsReceived(chat).find((r) => r.body.suggestedActions), 20_000, 'the suggested actions at the Teams serviceUrl');
    expect(choices.body).toMatchObject({
      text: 'What would you like to do?',
      suggestedActions: { to: [chat.user.id], actions: BOT_CHOICES.map((title) => expect.objectContaining({ type: 'imBack', title, value: title })) },
    });
    expect(bot.refusals).toEqual([]);
  });
});

describe('a WhatsApp customer and the bot', () => {
  const fixture = JSON.parse(readFileSync(path.resolve('tests/fixtures/acs-advanced-message-received.text.json'), 'utf8'))[0];
  const acsRequests = async () => (await (await fetch(`${process.env.TEST_ACS_URL!}/test/requests`)).json()) as AcsRequest[];

  function whatsAppCustomer() {
    const phone = `1555${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
    /** One AdvancedMessageReceived from this number, with `content` (seed 001's fields) instead of the text fixture's. */
    const delivers = async (content: Record<string, unknown>) => {
      const delivery = [{ ...fixture, id: randomUUID(), eventTime: new Date().toISOString(), data: { ...fixture.data, from: phone, ...content, receivedTimestamp: new Date().toISOString() } }];
      const response = await fetch(`${baseUrl()}/api/eventgrid/acs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' },
        body: JSON.stringify(delivery),
      });
      expect(response.status).toBe(200);
    };
    /** A text, or (`tapped`) a reply button's tap as seed 001 has it: no content, `interactive.buttonReply`. */
    const says = (text: string, tapped?: { id: string }) =>
      delivers(tapped ? { content: null, interactive: { type: 'buttonReply', buttonReply: { id: tapped.id, title: text }, listReply: null } } : { content: text });
    /** The notifications fake ACS was asked to send to this number. */
    const sentTo = async () => (await acsRequests()).filter((r) => r.path.startsWith('/messages/notifications:send') && (r.body?.to as string[] | undefined)?.includes(phone));
    return { phone, delivers, says, sentTo };
  }

  it('hears the customer as whatsapp; its echo is a WhatsApp text; it hands over, hears accepted and completed', async () => {
    await botForGeneral();
    const { phone, says, sentTo } = whatsAppCustomer();
    await says('hello bot');
    const conversation = await consoleConversation({ customerId: phone });

    const heard = await botHeardFirst(conversation.id, { channelId: 'whatsapp', from: { id: phone } });
    // ACS's own event data is not passed off as an activity.
    expect(heard).not.toHaveProperty('channelType');
    expect(heard).not.toHaveProperty('content');

    const echo = await waitUntil(async () => (await sentTo()).find((r) => r.body?.content === 'echo: hello bot'), 20_000, 'the echo at ACS');
    expect(echo).toMatchObject({ signed: true, body: { channelRegistrationId: TEST_ACS_CHANNEL, to: [phone], kind: 'text' } });
    expect(await conversationOf(conversation.id)).toMatchObject({ state: 'bot', ownerId: null, botAppId: appId });

    const statuses = await handOverAcceptClose(conversation.id, () => says('Human'));
    expect(statuses.every((a) => a.channelId === 'whatsapp')).toBe(true);
    expect((await sentTo()).some((r) => r.body?.content === 'Let me find a person for you.')).toBe(true);
  }, WHOLE_CONVERSATION_MS);

  it('gives the bot a photo’s caption as its text and the photo as a link it can fetch', async () => {
    await botForGeneral();
    const { phone, delivers } = whatsAppCustomer();
    await delivers({ content: null, media: { mimeType: 'image/png', id: randomUUID(), caption: 'my broken vase' } });
    const conversation = await consoleConversation({ customerId: phone });
    const heard = await bot.waitFor(() => bot.received.find((a) => a.conversation?.id === conversation.id && a.type === 'message'));
    expect(heard).toMatchObject({ text: 'my broken vase', channelId: 'whatsapp', from: { id: phone, role: 'user' } });
    expect(heard.attachments).toEqual([{ contentType: 'image/png', contentUrl: expect.stringMatching(/^http/), name: expect.any(String) }]);
    const photo = await fetch(heard.attachments![0]!.contentUrl!);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(MEDIA_BYTES);
  });

  it('refuses the bot’s Adaptive Card as WhatsApp’s rules do, and sends its suggested actions as reply buttons the bot hears tapped', async () => {
    await botForGeneral();
    const { says, sentTo, phone } = whatsAppCustomer();
    await says('card');
    const conversation = await consoleConversation({ customerId: phone });
    const refusal = await bot.waitFor(() => bot.refusals.find((r) => r.conversationId === conversation.id));
    expect(refusal.message).toMatch(/Adaptive Cards/);

    await says('choices');
    const buttons = await waitUntil(async () => (await sentTo()).find((r) => r.body?.kind === 'interactive'), 20_000, 'the buttons at ACS');
    expect(buttons.body).toMatchObject({
      channelRegistrationId: TEST_ACS_CHANNEL,
      interactiveMessage: {
        body: { kind: 'text', text: 'What would you like to do?' },
        action: { kind: 'whatsAppButtonAction', content: { kind: 'buttonSet', buttons: BOT_CHOICES.map((title) => ({ id: title, title })) } },
      },
    });
    // Nothing of the card went out, and the conversation stays the bot's.
    expect((await sentTo()).filter((r) => r.body?.kind === 'text' && !r.body.content)).toEqual([]);
    expect((await conversationOf(conversation.id)).state).toBe('bot');

    // The customer taps a button: the bot hears its title, as from a WhatsApp customer.
    await says('Track my order', { id: 'Track my order' });
    const tapped = await bot.waitFor(() => bot.received.find((a) => a.conversation?.id === conversation.id && a.text === 'Track my order'));
    expect(tapped).toMatchObject({ type: 'message', channelId: 'whatsapp', from: { id: phone, role: 'user' } });
    await waitUntil(async () => (await sentTo()).find((r) => r.body?.content === 'echo: Track my order'), 20_000, 'the echo of the tap');
  });
});
