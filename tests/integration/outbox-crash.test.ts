// #9's failure tests: a process draining the outbox is SIGKILLed mid-send — a worker (`npm run
// worker`), or the app itself (`npm start` with its in-process worker) — and everything still
// reaches the channel, repeating only what was in flight, with the same id.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sendAgentMessage } from '@/lib/activities/send-agent-message';
import { receiveCustomerActivity } from '@/lib/activities/receive-customer-activity';
import { acceptConversation } from '@/lib/conversations/accept-conversation';
import { openConversation } from '@/lib/conversations/open-conversation';
import { db } from '@/lib/db/client';
import { freePort } from '@/lib/db/free-port';
import { transaction } from '@/lib/db/transaction';
import { enqueueDelivery } from '@/lib/outbound/enqueue';
import { createCustomChannel } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';
import { waitUntil } from '../support/wait-until';

/**
 * 1,000 messages over more conversations than the test app's own worker holds in flight at once
 * (OUTBOX_CONCURRENCY × OUTBOX_BATCH_SIZE = 4 × 16 by default), so the process we kill always has
 * sends of its own in flight.
 */
const CONVERSATIONS = 100;
const MESSAGES_EACH = 10;

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await db().$disconnect();
});

/** `node --import tsx`, not the tsx CLI: that would run the script in a child SIGKILL never reaches. */
function run(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return child;
}

function printed(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before printing "${text}"`)));
  });
}

async function startWorker(): Promise<ChildProcess> {
  const worker = run('scripts/worker.ts', { OUTBOX_CONCURRENCY: '8', ROUTING: '0' });
  await printed(worker, 'Outbox worker running');
  return worker;
}

/** A second app instance (scripts/start.ts runs the server in its own process: no child to escape the kill). */
async function startApp(port: number): Promise<ChildProcess> {
  const url = `http://127.0.0.1:${port}`;
  const app = run('scripts/start.ts', { PORT: String(port), CONSOLE_URL: url, PUBLIC_URL: url, ROUTING: '0' });
  await Promise.race([
    printed(app, 'Agent Console is up'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the second app did not start')), 180_000)),
  ]);
  return app;
}

interface Burst {
  channelId: string;
  messageIds: string[];
}

/**
 * The messages are written first and enqueued in one transaction, so every worker meets the whole
 * burst at once. The receiver holds every request: sends stay in flight until we let them go.
 */
async function seedBurst(receiver: FakeChannel): Promise<Burst> {
  receiver.always({ status: 200, delayMs: 60_000 });
  const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'crash-token' });
  const alice = await db().agent.findUniqueOrThrow({ where: { email: 'alice@demo.test' }, include: { queues: { select: { queueId: true } } } });
  const agent = { id: alice.id, displayName: alice.displayName, role: alice.role, queueIds: alice.queues.map((q) => q.queueId) };
  const run = Date.now();
  const messages: { id: string; conversationId: string }[] = [];
  for (let c = 0; c < CONVERSATIONS; c++) {
    const { id } = await openConversation(db(), { channel: 'directline', customerId: `crash-${run}-${c}` });
    await receiveCustomerActivity(id, { type: 'message', text: 'help', fromId: `crash-${c}`, raw: { type: 'message' } });
    await acceptConversation({ conversationId: id, agent });
    for (let m = 0; m < MESSAGES_EACH; m++) {
      const sent = await sendAgentMessage({ conversationId: id, agent, text: `message ${m}`, clientId: `crash-${run}-${c}-${m}` });
      messages.push({ id: sent.id, conversationId: id });
    }
  }
  const conversationIds = [...new Set(messages.map((message) => message.conversationId))];
  await transaction(db(), async (tx) => {
    await tx.conversation.updateMany({ where: { id: { in: conversationIds } }, data: { outboundChannelId: channel.id } });
    await tx.activity.updateMany({ where: { id: { in: messages.map((message) => message.id) } }, data: { deliveryState: 'sending' } });
    for (const message of messages) {
      await enqueueDelivery(tx, { activityId: message.id, conversationId: message.conversationId, channelId: channel.id });
    }
  }, { timeout: 120_000 }); // a thousand inserts: Prisma's 5 s default is too short on a loaded machine
  return { channelId: channel.id, messageIds: messages.map((message) => message.id) };
}

/** Every conversation's first message reached the receiver: all the workers' sends are in flight. */
async function everyConversationInFlight(receiver: FakeChannel, burst: Burst): Promise<void> {
  const sent = new Set(burst.messageIds);
  await receiver.waitFor(() => new Set(receiver.requests.map((request) => request.body.id as string).filter((id) => sent.has(id))).size >= CONVERSATIONS, 180_000);
}

/** SIGKILLs `child` and answers what reached the channel by then (bytes already on their way included). */
async function killMidSend(child: ChildProcess, receiver: FakeChannel): Promise<string[]> {
  child.kill('SIGKILL');
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const inFlight = receiver.requests.map((request) => request.body.id as string);
  receiver.always({ status: 200 });
  return inFlight;
}

async function expectEverythingDelivered(receiver: FakeChannel, burst: Burst, inFlightAtKill: string[]): Promise<void> {
  // Only the burst's messages: the channel also gets lifecycle events of these conversations (an
  // AgentDisconnected when the rep's console, opened by an earlier test, lapses meanwhile).
  await waitUntil(
    async () => (await db().delivery.count({ where: { activityId: { in: burst.messageIds }, status: 'succeeded' } })) === burst.messageIds.length || undefined,
    240_000,
    'every delivery succeeded',
  );
  const sent = new Set(burst.messageIds);
  const requests = receiver.requests.filter((request) => sent.has(request.body.id as string));
  const counts = new Map<string, number>();
  for (const request of requests) counts.set(request.body.id as string, (counts.get(request.body.id as string) ?? 0) + 1);
  // Nothing lost: every message reached the channel and shows Sent.
  for (const id of burst.messageIds) expect(counts.get(id), id).toBeGreaterThanOrEqual(1);
  const states = await db().activity.groupBy({ by: ['deliveryState'], where: { id: { in: burst.messageIds } }, _count: true });
  expect(states).toEqual([{ deliveryState: 'sent', _count: burst.messageIds.length }]);
  // Repeats are only the sends that were in flight when the process died, each with its own id.
  const repeated = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
  expect(repeated.length).toBeGreaterThan(0);
  for (const id of repeated) expect(inFlightAtKill).toContain(id);
  // Order within each conversation held.
  const byConversation = new Map<string, string[]>();
  for (const request of requests) {
    const body = request.body as { conversation: { id: string }; text: string };
    const list = byConversation.get(body.conversation.id) ?? [];
    if (list.at(-1) !== body.text) list.push(body.text);
    byConversation.set(body.conversation.id, list);
  }
  expect(byConversation.size).toBe(CONVERSATIONS);
  for (const list of byConversation.values()) expect(list).toEqual(Array.from({ length: MESSAGES_EACH }, (_, m) => `message ${m}`));
}

describe('the outbox across a crash', () => {
  it('delivers all 1,000 messages after a worker is SIGKILLed mid-send, repeating only with the same id', { timeout: 420_000 }, async () => {
    const receiver = await FakeChannel.start();
    try {
      const doomed = await startWorker();
      const burst = await seedBurst(receiver);
      await everyConversationInFlight(receiver, burst);
      const inFlightAtKill = await killMidSend(doomed, receiver);
      await startWorker();
      await expectEverythingDelivered(receiver, burst, inFlightAtKill);
    } finally {
      await receiver.stop();
    }
  });

  it('delivers all 1,000 messages after the app is SIGKILLed mid-send and restarted, repeating only with the same id', { timeout: 480_000 }, async () => {
    const receiver = await FakeChannel.start();
    try {
      const port = await freePort();
      const doomed = await startApp(port);
      const burst = await seedBurst(receiver);
      await everyConversationInFlight(receiver, burst);
      const inFlightAtKill = await killMidSend(doomed, receiver);
      // The kill reached the server itself: nothing answers on its port any more.
      await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
      await startApp(port);
      await expectEverythingDelivered(receiver, burst, inFlightAtKill);
    } finally {
      await receiver.stop();
    }
  });
});
