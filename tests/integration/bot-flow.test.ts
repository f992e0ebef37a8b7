// A bot answers first (issue 19): a Direct Line customer talks to the queue's bot through the
// console (the console POSTs like a Bot Framework channel; the bot answers through the Connector
// API), asks for a person, is taken by a rep; the bot hears accepted and completed; a failing bot
// hands the conversation to reps with the reason; a rep hands it back.
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, directLine, startDirectLine, type DirectLineStart } from '../support/clients';
import { RecordingBot } from '../support/recording-bot';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

let ada: ConsoleClient;
let alice: ConsoleClient;
let sam: ConsoleClient;
let bot: RecordingBot;
let generalId: string;

beforeAll(async () => {
  ada = await ConsoleClient.signIn('ada@demo.test');
  alice = await ConsoleClient.signIn('alice@demo.test');
  sam = await ConsoleClient.signIn('sam@demo.test');
  const queues = await ada.call('GET', '/api/console/admin/queues');
  generalId = (queues.body.items as { id: string; name: string }[]).find((q) => q.name === 'General')!.id;
  await alice.call('PUT', '/api/console/me/presence', { presence: 'available' });
});

afterEach(async () => {
  await bot?.stop();
});

afterAll(async () => {
  await db().$disconnect();
});

async function botForGeneral(): Promise<RecordingBot> {
  bot = await RecordingBot.start();
  const answer = await ada.call('PATCH', `/api/console/admin/queues/${generalId}`, { bot: { mode: 'own', endpoint: bot.url, appId: bot.appId } });
  expect(answer.status).toBe(200);
  expect(answer.body.bot).toEqual({ mode: 'own', endpoint: bot.url, appId: bot.appId });
  return bot;
}

async function customerReads(start: DirectLineStart) {
  const page = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
  return page.body.activities as { type: string; text?: string; from: { id: string; role?: string } }[];
}

const conversationOf = async (client: ConsoleClient, id: string) => (await client.call('GET', `/api/console/conversations/${id}`)).body;

async function handedOver(start: DirectLineStart, customer: { id: string; name: string }) {
  await customerSays(start, 'I need help with my order', customer);
  await bot.waitFor((b) => b.received.some((r) => r.activity.text === 'I need help with my order'));
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

    await bot.waitFor((b) => b.received.length > 0);
    const { activity, authorization } = bot.received[0]!;
    expect(activity).toMatchObject({
      type: 'message',
      text: 'hello bot',
      serviceUrl: baseUrl(),
      channelId: 'directline',
      conversation: { id: start.conversationId },
      recipient: { id: bot.appId, role: 'bot' },
      from: { id: 'customer-echo', name: 'Mei', role: 'user' },
    });
    const claims = decodeJwt(authorization!.replace(/^Bearer /, ''));
    expect(claims).toMatchObject({ iss: baseUrl(), aud: bot.appId, serviceurl: baseUrl() });

    const echoed = await waitUntil(async () => (await customerReads(start)).find((a) => a.text === 'echo: hello bot'));
    expect(echoed.from).toMatchObject({ id: bot.appId, role: 'bot' });

    // The bot holds it: not offered to reps, not Unassigned; supervisors see it as the bot's.
    const conversation = await conversationOf(sam, start.conversationId);
    expect(conversation).toMatchObject({ state: 'bot', ownerId: null, botAppId: bot.appId, handoffKind: null });
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
    expect(conversation).toMatchObject({ state: 'queued', handoffKind: 'handoff', botAppId: bot.appId });

    const { handoff } = (await alice.call('GET', `/api/console/conversations/${start.conversationId}/handoff`)).body;
    expect(handoff).toMatchObject({ kind: 'handoff', botAppId: bot.appId, context: { skill: 'General', summary: 'The customer asked for a person.' }, reason: null });
    expect(handoff.transcript).toContainEqual(expect.objectContaining({ role: 'customer', text: 'I need help with my order' }));

    // From now on the customer's words go to reps only.
    const heard = bot.received.length;
    await customerSays(start, 'are you there?', { id: 'customer-handoff', name: 'Li' });
    const accepted = await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
    expect(accepted.status).toBe(200);
    await bot.waitFor((b) => b.handoffStatuses.includes('accepted'));
    const closed = await alice.call('POST', `/api/console/conversations/${start.conversationId}/close`, {});
    expect(closed.status).toBe(200);
    await bot.waitFor((b) => b.handoffStatuses.includes('completed'));
    expect(bot.handoffStatuses).toEqual(['accepted', 'completed']);
    expect(bot.received.slice(heard).map((r) => r.activity.text).filter(Boolean)).toEqual([]);
    const status = bot.received.find((r) => r.activity.name === 'handoff.status')!.activity;
    expect(status).toMatchObject({ type: 'event', conversation: { id: start.conversationId }, recipient: { id: bot.appId }, value: { state: 'accepted' } });

    const episode = await db().episode.findFirstOrThrow({ where: { conversationId: start.conversationId } });
    expect(episode).toMatchObject({ source: 'handoff', botHandled: true });
  });

  it('gives the conversation to reps at once, with the reason, when the bot fails; nothing the customer wrote is lost', async () => {
    await botForGeneral();
    bot.mode = 'fail';
    const start = await startDirectLine({ id: 'customer-fallback', name: 'Wu' });
    await customerSays(start, 'is anyone there?', { id: 'customer-fallback', name: 'Wu' });

    const conversation = await waitUntil(async () => {
      const found = await conversationOf(sam, start.conversationId);
      return found.state === 'queued' && found;
    });
    expect(conversation.handoffKind).toBe('fallback');
    expect(bot.received).toHaveLength(3);
    const { handoff } = (await alice.call('GET', `/api/console/conversations/${start.conversationId}/handoff`)).body;
    expect(handoff).toMatchObject({ kind: 'fallback', botAppId: bot.appId });
    expect(handoff.reason).toMatch(/500/);
    const transcript = await alice.call('GET', `/api/console/conversations/${start.conversationId}/activities`);
    expect(transcript.body.items).toContainEqual(expect.objectContaining({ text: 'is anyone there?', author: 'customer' }));
    const unassigned = await alice.call('GET', '/api/console/conversations?filter=unassigned');
    expect(unassigned.body.items.map((c: { id: string }) => c.id)).toContain(start.conversationId);
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
    expect(returned.body).toMatchObject({ state: 'bot', ownerId: null, botAppId: bot.appId, handoffKind: null });
    await bot.waitFor((b) => b.handoffStatuses.includes('completed'));

    await customerSays(start, 'one more question', { id: 'customer-return', name: 'Zhao' });
    await bot.waitFor((b) => b.received.some((r) => r.activity.text === 'one more question'));
    await waitUntil(async () => (await customerReads(start)).some((a) => a.text === 'echo: one more question'));
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/return-to-bot`, {})).status).toBe(409);
  });

  it('refuses a queue bot whose endpoint is not an http(s) URL', async () => {
    for (const bot of [{ mode: 'own', endpoint: 'ftp://bot.example/api/messages', appId: 'x' }, { mode: 'own', endpoint: 'https://bot.example' }, { mode: 'sometimes' }]) {
      const answer = await ada.call('PATCH', `/api/console/admin/queues/${generalId}`, { bot });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('BadArgument');
    }
    expect((await alice.call('PATCH', `/api/console/admin/queues/${generalId}`, { bot: { mode: 'none' } })).status).toBe(403);
  });
});
