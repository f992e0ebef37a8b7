// A bot answers first (issue 19): a Direct Line customer talks to the queue's bot — a real
// botbuilder bot trusting the console as its channel (tests/support/handoff-bot.ts) — through the
// console (the console POSTs like a Bot Framework channel; the bot answers through the Connector
// API), asks for a person, is taken by a rep; the bot hears accepted and completed; a failing bot
// hands the conversation to reps with the reason; a rep hands it back.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, directLine, startDirectLine, type DirectLineStart } from '../support/clients';
import { parseCsv } from '../support/csv';
import type { HandoffBot } from '../support/handoff-bot';
import { createCustomChannel } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';
import { signInBotTeam, startGeneralBot, type BotTeam } from '../support/queue-bot';
import { TEST_CONNECTOR_TOKEN } from '../support/fake-identity';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

let ada: ConsoleClient;
let alice: ConsoleClient;
let sam: ConsoleClient;
let bot: HandoffBot;
/** The app id of the bot the General queue has now. */
let appId: string;
let generalId: string;
let team: BotTeam;

beforeAll(async () => {
  team = await signInBotTeam();
  ({ ada, alice, sam, generalId } = team);
});

afterEach(async () => {
  await bot?.stop();
});

afterAll(async () => {
  await db().$disconnect();
});

async function botForGeneral(): Promise<HandoffBot> {
  ({ bot, appId } = await startGeneralBot(team));
  return bot;
}


async function customerReads(start: DirectLineStart) {
  const page = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
  return page.body.activities as { type: string; text?: string; from: { id: string; role?: string } }[];
}

const conversationOf = async (client: ConsoleClient, id: string) => (await client.call('GET', `/api/console/conversations/${id}`)).body;

async function handedOver(start: DirectLineStart, customer: { id: string; name: string }) {
  await customerSays(start, 'I need help with my order', customer);
  await bot.waitFor(() => bot.textsIn(start.conversationId).includes('I need help with my order'));
  await customerSays(start, 'agent', customer);
  return waitUntil(async () => {
    const conversation = await conversationOf(sam, start.conversationId);
    return conversation.state === 'queued' && conversation;
  });
}

describe('a bot answers first', () => {
  it('delivers the customer to the bot as a channel does, and the bot’s echo reaches the Direct Line client', async () => {
    await botForGeneral();
    const start = await startDirectLine({ id: 'customer-echo', name: 'Mei' });
    await customerSays(start, 'hello bot', { id: 'customer-echo', name: 'Mei' });

    // The SDK trusted the console's token (BotFrameworkAuthenticationFactory pointed at its issuer).
    const activity = await bot.waitFor(() => bot.received[0]);
    expect(activity).toMatchObject({
      type: 'message',
      text: 'hello bot',
      serviceUrl: baseUrl(),
      channelId: 'directline',
      conversation: { id: start.conversationId },
      recipient: { id: appId, role: 'bot' },
      from: { id: 'customer-echo', name: 'Mei', role: 'user' },
    });
    expect(bot.requests[0]!.authorization).toMatch(/^Bearer ey/);
    // The customer's typing reaches the bot too.
    const typing = await directLine(`/conversations/${start.conversationId}/activities`, { method: 'POST', auth: start.token, body: { type: 'typing', from: { id: 'customer-echo' } } });
    expect(typing.status).toBe(200);
    await bot.waitFor(() => bot.received.some((a) => a.type === 'typing' && a.conversation?.id === start.conversationId && a.channelId === 'directline'));

    const echoed = await waitUntil(async () => (await customerReads(start)).find((a) => a.text === 'echo: hello bot'));
    expect(echoed.from).toMatchObject({ id: appId, role: 'bot' });

    // The bot holds it: not offered to reps, not Unassigned; supervisors see it as the bot's.
    const conversation = await conversationOf(sam, start.conversationId);
    expect(conversation).toMatchObject({ state: 'bot', ownerId: null, botAppId: appId, handoffKind: null });
    const unassigned = await alice.call('GET', '/api/console/conversations?filter=unassigned');
    expect(unassigned.body.items.map((c: { id: string }) => c.id)).not.toContain(start.conversationId);
    const overview = await sam.call('GET', '/api/console/supervisor/overview');
    expect(overview.body.conversations).toContainEqual(expect.objectContaining({ id: start.conversationId, state: 'bot' }));
    const transcript = await sam.call('GET', `/api/console/conversations/${start.conversationId}/activities`);
    expect(transcript.body.items).toContainEqual(expect.objectContaining({ text: 'echo: hello bot', author: 'bot' }));
    expect(await db().offer.count({ where: { conversationId: start.conversationId } })).toBe(0);
  });

  it('hands over on the bot’s handoff.initiate; the bot hears accepted, then completed', async () => {
    await botForGeneral();
    const start = await startDirectLine({ id: 'customer-handoff', name: 'Li' });
    const conversation = await handedOver(start, { id: 'customer-handoff', name: 'Li' });
    expect(conversation).toMatchObject({ state: 'queued', handoffKind: 'handoff', botAppId: appId });

    const { handoff } = (await alice.call('GET', `/api/console/conversations/${start.conversationId}/handoff`)).body;
    expect(handoff).toMatchObject({ kind: 'handoff', botAppId: appId, context: { skill: 'General', summary: expect.stringContaining('asked for a person') }, reason: null });
    expect(handoff.transcript).toContainEqual(expect.objectContaining({ role: 'customer', text: 'I need help with my order' }));
    expect(handoff.transcript).toContainEqual(expect.objectContaining({ role: 'bot', text: 'echo: I need help with my order' }));

    // From now on the customer's words go to reps only.
    const heard = bot.textsIn(start.conversationId).length;
    await customerSays(start, 'are you there?', { id: 'customer-handoff', name: 'Li' });
    const accepted = await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
    expect(accepted.status).toBe(200);
    const states = () => bot.handoffStatuses.filter((s) => s.conversationId === start.conversationId).map((s) => s.state);
    await bot.waitFor(() => states().includes('accepted'));
    const closed = await alice.call('POST', `/api/console/conversations/${start.conversationId}/close`, {});
    expect(closed.status).toBe(200);
    await bot.waitFor(() => states().includes('completed'));
    expect(states()).toEqual(['accepted', 'completed']);
    expect(bot.textsIn(start.conversationId).slice(heard)).toEqual([]);
    const status = bot.received.find((a) => a.name === 'handoff.status')!;
    expect(status).toMatchObject({ type: 'event', conversation: { id: start.conversationId }, recipient: { id: appId }, value: { state: 'accepted' } });

    const episode = await db().episode.findFirstOrThrow({ where: { conversationId: start.conversationId } });
    expect(episode).toMatchObject({ source: 'handoff', botHandled: true });
  });

  it('gives the conversation to reps at once, with the reason, when the bot fails; nothing the customer wrote is lost', async () => {
    await botForGeneral();
    bot.failWith('error');
    const start = await startDirectLine({ id: 'customer-fallback', name: 'Wu' });
    await customerSays(start, 'is anyone there?', { id: 'customer-fallback', name: 'Wu' });

    const conversation = await waitUntil(async () => {
      const found = await conversationOf(sam, start.conversationId);
      return found.state === 'queued' && found;
    });
    expect(conversation.handoffKind).toBe('fallback');
    expect(bot.requests.filter((r) => r.body.conversation && (r.body.conversation as { id: string }).id === start.conversationId)).toHaveLength(3);
    const { handoff } = (await alice.call('GET', `/api/console/conversations/${start.conversationId}/handoff`)).body;
    expect(handoff).toMatchObject({ kind: 'fallback', botAppId: appId });
    expect(handoff.reason).toMatch(/500/);
    const transcript = await alice.call('GET', `/api/console/conversations/${start.conversationId}/activities`);
    expect(transcript.body.items).toContainEqual(expect.objectContaining({ text: 'is anyone there?', author: 'customer' }));
    const unassigned = await alice.call('GET', '/api/console/conversations?filter=unassigned');
    expect(unassigned.body.items.map((c: { id: string }) => c.id)).toContain(start.conversationId);
  });

  it('gives the conversation to reps when the bot is down (its endpoint refuses connections)', async () => {
    await botForGeneral();
    await bot.down();
    const start = await startDirectLine({ id: 'customer-down', name: 'Ma' });
    await customerSays(start, 'hello?', { id: 'customer-down', name: 'Ma' });
    await customerSays(start, 'hello??', { id: 'customer-down', name: 'Ma' });

    const conversation = await waitUntil(async () => {
      const found = await conversationOf(sam, start.conversationId);
      return found.state === 'queued' && found;
    });
    expect(conversation.handoffKind).toBe('fallback');
    const { handoff } = (await alice.call('GET', `/api/console/conversations/${start.conversationId}/handoff`)).body;
    expect(handoff.reason).toMatch(/could not be reached: Channel unreachable: ECONNREFUSED/);
    // Both messages are the reps' now, and nothing is left waiting for the bot.
    const transcript = await alice.call('GET', `/api/console/conversations/${start.conversationId}/activities`);
    expect(transcript.body.items.filter((a: { author: string }) => a.author === 'customer').map((a: { text: string }) => a.text)).toEqual(['hello?', 'hello??']);
    const deliveries = await db().delivery.findMany({ where: { conversationId: start.conversationId }, orderBy: { seq: 'asc' } });
    expect(deliveries.map((d) => d.status)).toEqual(['failed', 'failed']);
    expect(deliveries[0]!.attempts).toBe(3);
  });

  it('lets the rep return the conversation to the bot, which hears the customer again', async () => {
    await botForGeneral();
    const start = await startDirectLine({ id: 'customer-return', name: 'Zhao' });
    await handedOver(start, { id: 'customer-return', name: 'Zhao' });
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {})).status).toBe(200);
    // Only the owner (or a supervisor) may.
    const bob = await ConsoleClient.signIn('bob@demo.test');
    expect((await bob.call('POST', `/api/console/conversations/${start.conversationId}/return-to-bot`, {})).status).toBe(403);

    const returned = await alice.call('POST', `/api/console/conversations/${start.conversationId}/return-to-bot`, {});
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'bot', ownerId: null, botAppId: appId, handoffKind: null });
    await bot.waitFor(() => bot.handoffStatuses.some((s) => s.conversationId === start.conversationId && s.state === 'completed'));

    await customerSays(start, 'one more question', { id: 'customer-return', name: 'Zhao' });
    await bot.waitFor(() => bot.textsIn(start.conversationId).includes('one more question'));
    await waitUntil(async () => (await customerReads(start)).some((a) => a.text === 'echo: one more question'));
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/return-to-bot`, {})).status).toBe(409);
  });

  it('counts what the bot did in the reports: handoffs and bot-handled episodes, and the bot ending a conversation alone', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    await botForGeneral();
    const start = await startDirectLine({ id: 'customer-bye', name: 'Qian' });
    await customerSays(start, 'thanks, that was all', { id: 'customer-bye', name: 'Qian' });
    await bot.waitFor(() => bot.textsIn(start.conversationId).length > 0);
    // The bot ends the conversation through the Connector API, as botbuilder's endOfConversation does.
    const ended = await fetch(`${baseUrl()}/v3/conversations/${start.conversationId}/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}` },
      body: JSON.stringify({ type: 'endOfConversation', id: randomUUID(), code: 'completedSuccessfully', from: { id: appId, role: 'bot' }, conversation: { id: start.conversationId } }),
    });
    expect(ended.status).toBe(201);
    await waitUntil(async () => (await conversationOf(sam, start.conversationId)).state === 'closed');
    expect(await db().episode.count({ where: { conversationId: start.conversationId } })).toBe(0);

    const period = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
    const summary = await sam.call('GET', `/api/console/reports/summary?${period}`);
    expect(summary.status).toBe(200);
    // This file's earlier tests: two handoffs (both bot-handled) and one bot that failed before saying anything.
    expect(summary.body.bot).toEqual({ handled: 2, handoffs: 2, resolutions: 1 });
    const csv = parseCsv(await (await fetch(sam.url(`/api/console/reports/conversations.csv?${period}`), { headers: { Cookie: sam.cookieHeader() } })).text());
    const [header, ...lines] = csv;
    const column = (name: string) => header!.indexOf(name);
    const botHandled = lines.filter((line) => line[column('bot_handled')] === 'true');
    expect(botHandled).toHaveLength(2);
  });

  it('tells the bot failed, with a message, when it hands over while the queue is closed; the conversation still waits for reps', async () => {
    await botForGeneral();
    const neverOpen = { timeZone: 'UTC', weekly: {}, holidays: [] };
    expect((await ada.call('PUT', `/api/console/admin/queues/${generalId}/hours`, { calendar: neverOpen, awayMessage: null })).status).toBe(200);
    try {
      const start = await startDirectLine({ id: 'customer-closed', name: 'Sun' });
      await handedOver(start, { id: 'customer-closed', name: 'Sun' });
      const failed = await bot.waitFor(() => bot.handoffStatuses.find((s) => s.conversationId === start.conversationId));
      expect(failed).toEqual({ conversationId: start.conversationId, state: 'failed', message: expect.stringContaining('business hours') });
      expect((await conversationOf(sam, start.conversationId)).state).toBe('queued');
      const { handoff } = (await alice.call('GET', `/api/console/conversations/${start.conversationId}/handoff`)).body;
      expect(handoff).toMatchObject({ kind: 'handoff', told: ['failed'], reason: expect.stringContaining('business hours') });
    } finally {
      await ada.call('PUT', `/api/console/admin/queues/${generalId}/hours`, { calendar: null, awayMessage: null });
    }
  });

  it('refuses a queue bot whose endpoint is not an http(s) URL', async () => {
    for (const bot of [{ mode: 'own', endpoint: 'ftp://bot.example/api/messages', appId: 'x' }, { mode: 'own', endpoint: 'https://bot.example' }, { mode: 'sometimes' }]) {
      const answer = await ada.call('PATCH', `/api/console/admin/queues/${generalId}`, { bot });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('BadArgument');
    }
    expect((await alice.call('PATCH', `/api/console/admin/queues/${generalId}`, { bot: { mode: 'none' } })).status).toBe(403);
  });

  it('passes the bot’s typing to the custom channel that relays the conversation, as a rep’s typing is', async () => {
    await botForGeneral();
    const receiver = await FakeChannel.start();
    try {
      const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'static-token' });
      const customer = { id: 'customer-relayed', name: 'Lu' };
      const start = await startDirectLine(customer);
      await db().conversation.update({ where: { id: start.conversationId }, data: { outboundChannelId: channel.id } });
      await customerSays(start, 'hello through the relay', customer);
      await bot.waitFor(() => bot.textsIn(start.conversationId).includes('hello through the relay'));
      const typing = await fetch(`${baseUrl()}/v3/conversations/${start.conversationId}/activities`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}` },
        body: JSON.stringify({ type: 'typing', from: { id: appId, role: 'bot' }, conversation: { id: start.conversationId } }),
      });
      expect(typing.status).toBe(201);
      await receiver.waitFor(() => receiver.bodies().some((body) => body.type === 'typing'));
      expect(receiver.bodies().find((body) => body.type === 'typing')).toMatchObject({ type: 'typing', conversation: { id: start.conversationId }, recipient: { id: customer.id } });
    } finally {
      await receiver.stop();
    }
  });
});
