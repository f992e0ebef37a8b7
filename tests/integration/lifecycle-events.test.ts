// Seed 000's lifecycle events, each driven by its situation the way it really happens (a customer's
// client leaving, reps in the console, time passing) and observed at a fake custom channel webhook.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { freePort } from '@/lib/db/free-port';
import { ConsoleClient, customerSays, directLine, startDirectLine } from '../support/clients';
import { createCustomChannel, relayedConversation } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';
import { TEST_CONNECTOR_TOKEN } from '../support/fake-identity';
import { openConsole } from '../support/sse';
import { postToBot, teamsChat } from '../support/teams';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

let receiver: FakeChannel;
let channelId: string;
let alice: ConsoleClient;
let bob: ConsoleClient;
let ada: ConsoleClient;
let bobId: string;
const consoles: { close(): void }[] = [];

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  bob = await ConsoleClient.signIn('bob@demo.test');
  ada = await ConsoleClient.signIn('ada@demo.test');
  const directory = (await alice.call('GET', '/api/console/directory')).body as { agents: { id: string; displayName: string }[] };
  bobId = directory.agents.find((agent) => agent.displayName === 'Bob')!.id;
});

beforeAll(async () => {
  receiver = await FakeChannel.start();
  channelId = (await createCustomChannel({ webhookUrl: receiver.url, token: 'static-token' })).id;
});

afterEach(() => {
  for (const console of consoles.splice(0)) console.close();
});

afterAll(async () => {
  await receiver?.stop();
  await db().$disconnect();
});

/** The lifecycle event names the channel got for one conversation, in order. */
function namesFor(conversationId: string): string[] {
  return receiver.requests
    .filter((request) => request.path === `/v3/conversations/${conversationId}/activities` && request.body.name)
    .map((request) => request.body.name as string);
}

async function eventsArrive(conversationId: string, expected: string[], timeoutMs = 20_000): Promise<void> {
  await receiver.waitFor(() => namesFor(conversationId).length >= expected.length, timeoutMs).catch(() => undefined);
  expect(namesFor(conversationId)).toEqual(expected);
}

/** What the rep reads in the transcript: the timeline entries' names. */
async function timeline(conversationId: string): Promise<string[]> {
  const page = await alice.call('GET', `/api/console/conversations/${conversationId}/activities`);
  return (page.body.items as { type: string; name: string | null }[]).filter((item) => item.type === 'event').map((item) => item.name!);
}

function directLineUser() {
  return { id: `cust-${randomUUID().slice(0, 8)}`, name: 'Leaving Customer' };
}

async function customerCloses(start: { conversationId: string; token: string }, user: { id: string }) {
  const response = await directLine(`/conversations/${start.conversationId}/activities`, {
    method: 'POST',
    auth: start.token,
    body: { type: 'endOfConversation', from: user, code: 'userCancelled' },
  });
  expect(response.status).toBe(200);
}

const ACCEPTED = ['AgentAssigned', 'AgentAccepted'];

describe('the customer leaves', () => {
  it('a Direct Line client closing the chat a rep has: CustomerDisconnected once; the rep closes it (AgentClosed); writing again reopens it', async () => {
    const start = await relayedConversation(channelId, alice, 'Leaving Customer');
    const customer = { id: (await alice.call('GET', `/api/console/conversations/${start.conversationId}`)).body.customerId as string, name: 'Leaving Customer' };
    await customerCloses(start, customer);
    await customerCloses(start, customer);
    await eventsArrive(start.conversationId, [...ACCEPTED, 'CustomerDisconnected']);
    expect(start.conversationId).toMatch(GUID);
    const summary = await alice.call('GET', `/api/console/conversations/${start.conversationId}`);
    expect(summary.body).toMatchObject({ state: 'active' });
    expect(await timeline(start.conversationId)).toEqual([...ACCEPTED, 'CustomerDisconnected']);

    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/close`, {})).status).toBe(200);
    await eventsArrive(start.conversationId, [...ACCEPTED, 'CustomerDisconnected', 'AgentClosed', 'ConversationClosed']);

    await customerSays(start, 'Sorry, one more thing', customer);
    expect((await alice.call('GET', `/api/console/conversations/${start.conversationId}`)).body).toMatchObject({ state: 'queued', ownerId: null });
  });

  it('leaving before any rep took it: CustomerDisconnectedAgentWaiting, and it leaves the queue', async () => {
    const user = directLineUser();
    const start = await startDirectLine(user);
    await db().conversation.update({ where: { id: start.conversationId }, data: { outboundChannelId: channelId } });
    await customerSays(start, 'Is anyone there?', user);
    await customerCloses(start, user);
    await eventsArrive(start.conversationId, ['CustomerDisconnectedAgentWaiting', 'ConversationClosed']);
    expect((await alice.call('GET', `/api/console/conversations/${start.conversationId}`)).body).toMatchObject({ state: 'closed' });
  });

  it('a Connector API caller removing the customer (conversationUpdate), with a GUID conversation id', async () => {
    const connector = (path: string, body: unknown) =>
      fetch(`${baseUrl()}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const customer = { id: `customer-${randomUUID().slice(0, 8)}`, name: 'Connie Leaving' };
    const created = await (
      await connector('/v3/conversations', { bot: { id: 'bot-1', name: 'Bot' }, members: [customer], isGroup: false, activity: { type: 'message', from: customer, text: 'Hello' } })
    ).json();
    expect(created.id).toMatch(GUID);
    await db().conversation.update({ where: { id: created.id }, data: { outboundChannelId: channelId } });
    expect((await alice.call('POST', `/api/console/conversations/${created.id}/accept`, {})).status).toBe(200);
    // Someone else leaving is not the customer leaving.
    const removed = (members: unknown[]) => ({ type: 'conversationUpdate', from: { id: 'bot-1', role: 'bot' }, membersRemoved: members });
    expect((await connector(`/v3/conversations/${created.id}/activities`, removed([{ id: 'someone-else' }]))).status).toBe(201);
    expect((await connector(`/v3/conversations/${created.id}/activities`, removed([customer]))).status).toBe(201);
    await eventsArrive(created.id, [...ACCEPTED, 'CustomerDisconnected']);
    expect((await connector(`/v3/conversations/${created.id}/activities`, { type: 'conversationUpdate', membersRemoved: 'everyone' })).status).toBe(400);
  });

  it('a Teams user removed from the personal chat (conversationUpdate membersRemoved) shows in the transcript', async () => {
    const chat = teamsChat('http://127.0.0.1:9/teams');
    expect((await postToBot(chat.activity({ text: 'hello from Teams' }))).status).toBe(200);
    const conversation = await db().conversation.findFirstOrThrow({ where: { externalId: chat.conversationId } });
    expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/accept`, {})).status).toBe(200);
    const update = chat.activity({ type: 'conversationUpdate', text: undefined, membersRemoved: [chat.user] });
    expect((await postToBot(update)).status).toBeLessThan(300);
    await waitUntil(async () => (await timeline(conversation.id)).includes('CustomerDisconnected'), 10_000, 'CustomerDisconnected in the transcript');
    expect(await timeline(conversation.id)).toEqual([...ACCEPTED, 'CustomerDisconnected']);
  });
});

describe('transfers and consults that fail or are withdrawn', () => {
  it('records the failure at the channel and answers why', async () => {
    const start = await relayedConversation(channelId, alice);
    const path = `/api/console/conversations/${start.conversationId}`;
    // Bob's console is closed (and its grace over): neither request can reach him.
    await db().agent.update({ where: { id: bobId }, data: { connectedUntil: null } });
    const transfer = await alice.call('POST', `${path}/transfer`, { agentId: bobId });
    expect(transfer.status).toBe(409);
    expect(transfer.body.error.code).toBe('AgentUnavailable');
    const consult = await alice.call('POST', `${path}/consult`, { agentId: bobId });
    expect(consult.body.error.code).toBe('AgentUnavailable');
    expect((await alice.call('POST', `${path}/transfer`, { queueId: NIL_UUID })).body.error.code).toBe('QueueNotFound');
    const empty = await ada.call('POST', '/api/console/admin/queues', { name: `Empty ${randomUUID().slice(0, 8)}` });
    expect(empty.status).toBe(201);
    const toEmpty = await alice.call('POST', `${path}/transfer`, { queueId: empty.body.id });
    expect(toEmpty.status).toBe(409);
    expect(toEmpty.body.error.code).toBe('QueueEmpty');
    // Mistakes of the caller are not failed transfers.
    expect((await alice.call('POST', `${path}/transfer`, { agentId: 'bob' })).status).toBe(400);

    // With his console open the requests are made; Alice withdraws them.
    consoles.push(await openConsole(bob));
    expect((await alice.call('POST', `${path}/transfer`, { agentId: bobId })).status).toBe(200);
    expect((await alice.call('POST', `${path}/consult`, { agentId: bobId })).status).toBe(200);
    const requests = (await alice.call('GET', path)).body.pendingRequests as { offerId: string; kind: string }[];
    expect(requests.map((r) => r.kind).sort()).toEqual(['consult', 'transfer']);
    const transferOffer = requests.find((r) => r.kind === 'transfer')!.offerId;
    const consultOffer = requests.find((r) => r.kind === 'consult')!.offerId;
    expect((await bob.call('POST', `/api/console/offers/${transferOffer}/withdraw`, {})).status).toBe(403);
    const withdrawn = await alice.call('POST', `/api/console/offers/${transferOffer}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.pendingRequests).toMatchObject([{ kind: 'consult' }]);
    expect((await alice.call('POST', `/api/console/offers/${consultOffer}/withdraw`, {})).status).toBe(200);
    expect((await alice.call('POST', `/api/console/offers/${consultOffer}/withdraw`, {})).body.error.code).toBe('OfferNotPending');
    expect((await bob.call('POST', `/api/console/offers/${consultOffer}/accept`, {})).body.error.code).toBe('OfferNotPending');

    await eventsArrive(start.conversationId, [
      ...ACCEPTED,
      'TransferToAgentFailed',
      'ConsultAgentFailed',
      'TransferToQueueFailed',
      'TransferToQueueFailed',
      'TransferToAgentInitiated',
      'ConsultAgentInitiated',
      'TransferToAgentFailed',
      'ConsultAgentFailed',
    ]);
    expect((await alice.call('GET', path)).body).toMatchObject({ state: 'active', pendingRequests: [] });
  });
});

describe('consultants in the customer conversation', () => {
  async function consultJoined(conversationId: string) {
    const path = `/api/console/conversations/${conversationId}`;
    expect((await alice.call('POST', `${path}/consult`, { agentId: bobId })).status).toBe(200);
    const offer = (await bob.call('GET', '/api/console/offers')).body.items.find((o: { conversationId: string }) => o.conversationId === conversationId);
    expect((await bob.call('POST', `/api/console/offers/${offer.id}/accept`, {})).status).toBe(200);
    expect((await alice.call('POST', `${path}/consult/join`, { agentId: bobId })).status).toBe(200);
  }
  const JOINED = ['ConsultAgentInitiated', 'ConsultAgentAcceptSession', 'AgentJoinedCustomerConversation'];

  it('leaving, being removed, and the primary rep ending the conversation with them in it', async () => {
    consoles.push(await openConsole(bob));
    const start = await relayedConversation(channelId, alice);
    const path = `/api/console/conversations/${start.conversationId}`;
    await consultJoined(start.conversationId);
    expect((await bob.call('POST', `${path}/consult/end`, { agentId: bobId })).status).toBe(200);
    await consultJoined(start.conversationId);
    expect((await alice.call('POST', `${path}/consult/end`, { agentId: bobId })).status).toBe(200);
    await consultJoined(start.conversationId);
    expect((await alice.call('POST', `${path}/close`, {})).status).toBe(200);
    await eventsArrive(start.conversationId, [
      ...ACCEPTED,
      ...JOINED,
      'ConsultAgentLeftPublicConversation',
      ...JOINED,
      'ConsultAgentRemoved',
      ...JOINED,
      'PrimaryAgentEndConversation',
      'ConversationClosed',
    ]);
  });
});

describe('time passing (a second instance with a 3 s console grace and 5 s offers)', () => {
  let second: ChildProcess | null = null;
  let secondUrl = '';

  beforeAll(async () => {
    const port = await freePort();
    secondUrl = `http://127.0.0.1:${port}`;
    second = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, PORT: String(port), PUBLIC_URL: secondUrl, CONSOLE_GRACE_SECONDS: '3', OFFER_TIMEOUT_SECONDS: '5', ROUTING: '0', OUTBOX_WORKER: '0', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    await waitUntil(async () => (await fetch(`${secondUrl}/api/health`).catch(() => null))?.status === 200, 60_000, 'the second instance is up');
  }, 90_000);

  afterAll(async () => {
    if (!second || second.exitCode !== null) return;
    second.kill('SIGTERM');
    await new Promise((resolve) => second!.once('exit', resolve));
  });

  it('a rep whose console is gone past the grace: AgentDisconnected once per disconnection', { timeout: 60_000 }, async () => {
    const start = await relayedConversation(channelId, alice);
    const console = await openConsole(alice.on(secondUrl));
    console.close();
    await eventsArrive(start.conversationId, [...ACCEPTED, 'AgentDisconnected']);
    // Still gone a few seconds later: still one.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(namesFor(start.conversationId)).toEqual([...ACCEPTED, 'AgentDisconnected']);
    expect((await alice.call('GET', `/api/console/conversations/${start.conversationId}`)).body).toMatchObject({ state: 'active' });
    // Back, and gone again.
    (await openConsole(alice.on(secondUrl))).close();
    await eventsArrive(start.conversationId, [...ACCEPTED, 'AgentDisconnected', 'AgentDisconnected']);
  });

  it('a consult request nobody answers in time: ConsultAgentSessionTimedOut', { timeout: 60_000 }, async () => {
    consoles.push(await openConsole(bob));
    const start = await relayedConversation(channelId, alice);
    const requested = await alice.on(secondUrl).call('POST', `/api/console/conversations/${start.conversationId}/consult`, { agentId: bobId });
    expect(requested.status).toBe(200);
    await eventsArrive(start.conversationId, [...ACCEPTED, 'ConsultAgentInitiated', 'ConsultAgentSessionTimedOut'], 30_000);
  });
});
