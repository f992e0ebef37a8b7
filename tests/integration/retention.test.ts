// Bounded tables (issue 20): the worker prunes events, sent deliveries (with their attempts),
// applied Event Grid ids and ended rate-limit windows past their retention, keeps the newer ones and failed deliveries, and a
// console stream resumes as before inside the event window and is told plainly when it cannot.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, type DirectLineStart } from '../support/clients';
import { createCustomChannel, deliveryStateOf, relayedConversation } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';
import { readEvents, type SseMessage } from '../support/sse';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';
import { startWorker, type WorkerProcess } from '../support/worker-process';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

let receiver: FakeChannel;
let alice: ConsoleClient;
let worker: WorkerProcess | null = null;

beforeAll(async () => {
  receiver = await FakeChannel.start();
  alice = await ConsoleClient.signIn('alice@demo.test');
});

afterAll(async () => {
  await worker?.stop();
  await receiver.stop();
});

/** `npm run worker` on this file's database, pruning every second with the default windows. */
async function startPruningWorker(): Promise<void> {
  worker = await startWorker({ ROUTING: '0', PRUNE_INTERVAL_SECONDS: '1' });
}

/** A WhatsApp delivery status through Event Grid: applied once, its event id kept in ProcessedEvent. */
async function eventGridStatus(): Promise<string> {
  const [base] = JSON.parse(readFileSync(path.resolve('tests/fixtures/acs-advanced-message-delivery-status.sent.json'), 'utf8')) as Record<string, unknown>[];
  const messageId = randomUUID();
  const event = { ...base, id: randomUUID(), subject: `advancedMessage/${messageId}/status/Sent`, data: { ...(base!.data as object), messageId } };
  const response = await fetch(`${baseUrl()}/api/eventgrid/acs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' },
    body: JSON.stringify([event]),
  });
  expect(response.status).toBe(200);
  return `eventgrid:${event.id}`;
}

async function repSends(conversationId: string, text: string): Promise<string> {
  const sent = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text, clientId: `retention-${randomUUID()}` });
  expect(sent.status).toBe(201);
  return sent.body.id as string;
}

const deliveryOf = (activityId: string) => db().delivery.findFirstOrThrow({ where: { activityId } });

const stream = (lastEventId: string, until: (messages: SseMessage[]) => boolean) =>
  readEvents('/api/console/events', { Cookie: alice.cookieHeader(), 'Last-Event-ID': lastEventId }, until);

const readyOf = (messages: SseMessage[]) => {
  const ready = messages.find((message) => message.event === 'ready');
  return ready && (JSON.parse(ready.data) as { id: string; expired?: boolean });
};

describe('bounded tables', () => {
  let conversation: DirectLineStart;
  let prunedThrough: bigint;

  it('the worker prunes rows older than their windows and keeps the newer ones and failed deliveries', async () => {
    const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'retention-token' });
    conversation = await relayedConversation(channel.id, alice);
    const oldSent = await repSends(conversation.conversationId, 'sent long ago');
    await deliveryStateOf(oldSent, 'sent');
    // A custom channel tries three times before it gives up.
    receiver.reply({ status: 400 }, { status: 400 }, { status: 400 });
    const failed = await repSends(conversation.conversationId, 'refused long ago');
    await deliveryStateOf(failed, 'failed');
    const newSent = await repSends(conversation.conversationId, 'sent today');
    await deliveryStateOf(newSent, 'sent');
    const oldKey = await eventGridStatus();
    const newKey = await eventGridStatus();

    // Ages are set in the database: the windows are days long (EVENT_RETENTION_DAYS 7,
    // DELIVERY_RETENTION_DAYS 14, PROCESSED_EVENT_RETENTION_DAYS 3 by default).
    const events = await db().event.findMany({ where: { conversationId: conversation.conversationId }, orderBy: { id: 'asc' }, select: { id: true } });
    expect(events.length).toBeGreaterThan(4);
    const split = events[Math.floor(events.length / 2)]!.id;
    await db().event.updateMany({ where: { id: { lt: split } }, data: { createdAt: daysAgo(8) } });
    await db().event.updateMany({ where: { id: { gte: split } }, data: { createdAt: daysAgo(6) } });
    for (const activityId of [oldSent, failed]) {
      const delivery = await deliveryOf(activityId);
      await db().delivery.update({ where: { id: delivery.id }, data: { runAt: daysAgo(20), finishedAt: daysAgo(20) } });
    }
    const newDelivery = await deliveryOf(newSent);
    await db().delivery.update({ where: { id: newDelivery.id }, data: { runAt: daysAgo(13), finishedAt: daysAgo(13) } });
    await db().processedEvent.update({ where: { key: oldKey }, data: { createdAt: daysAgo(4) } });
    await db().processedEvent.update({ where: { key: newKey }, data: { createdAt: daysAgo(2) } });
    const oldDelivery = await deliveryOf(oldSent);
    expect(await db().deliveryAttempt.count({ where: { deliveryId: oldDelivery.id } })).toBe(1);
    // Rate-limit counters (the Event Grid and Direct Line callers above): one window ended two hours ago.
    await waitUntil(async () => (await db().rateLimit.count()) >= 2 || undefined, 10_000, 'rate-limit counters stored');
    const [staleCounter, liveCounter] = await db().rateLimit.findMany({ orderBy: { key: 'asc' }, take: 2 });
    await db().rateLimit.update({ where: { key: staleCounter!.key }, data: { expire: BigInt(Date.now() - 2 * 3_600_000) } });
    await db().rateLimit.update({ where: { key: liveCounter!.key }, data: { expire: BigInt(Date.now() + 1_800_000) } });

    await startPruningWorker();
    await waitUntil(async () => (await db().event.count({ where: { id: { lt: split } } })) === 0, 20_000, 'old events pruned');
    await waitUntil(async () => (await db().processedEvent.count({ where: { key: oldKey } })) === 0, 20_000, 'the old Event Grid id pruned');
    await waitUntil(async () => (await db().delivery.count({ where: { id: oldDelivery.id } })) === 0, 20_000, 'the old sent delivery pruned');
    await waitUntil(async () => (await db().rateLimit.count({ where: { key: staleCounter!.key } })) === 0, 20_000, 'the ended rate-limit window pruned');
    expect(await db().rateLimit.count({ where: { key: liveCounter!.key } })).toBe(1);

    expect(await db().event.count({ where: { conversationId: conversation.conversationId, id: { gte: split } } })).toBe(events.filter((event) => event.id >= split).length);
    expect(await db().deliveryAttempt.count({ where: { deliveryId: oldDelivery.id } })).toBe(0);
    expect(await db().delivery.count({ where: { id: newDelivery.id } })).toBe(1);
    expect(await db().processedEvent.count({ where: { key: newKey } })).toBe(1);
    // Supervisors still see, and can retry, what failed however long ago.
    const sam = await ConsoleClient.signIn('sam@demo.test');
    const failedList = await sam.call('GET', '/api/console/deliveries/failed');
    expect(failedList.status).toBe(200);
    expect((failedList.body.items as { activityId: string }[]).map((item) => item.activityId)).toContain(failed);
    // The activities themselves stay: only the outbox bookkeeping went.
    expect(await db().activity.count({ where: { id: { in: [oldSent, failed, newSent] } } })).toBe(3);

    const horizon = await db().eventLogHorizon.findUniqueOrThrow({ where: { id: 1 } });
    expect(horizon.prunedThroughId).toBeLessThan(split);
    prunedThrough = horizon.prunedThroughId;
    // Starting the worker process (tsx) takes long on a busy machine.
  }, 120_000);

  it('a stream resuming from inside the window replays what followed, as before', async () => {
    const expected = await db().event.findMany({ where: { id: { gt: prunedThrough }, conversationId: conversation.conversationId }, orderBy: { id: 'asc' }, select: { id: true } });
    const messages = await stream(prunedThrough.toString(), (received) => readyOf(received) !== undefined);
    const replayed = messages.filter((message) => message.event === 'console').map((message) => JSON.parse(message.data) as { id: string; conversationId?: string });
    expect(replayed.filter((event) => event.conversationId === conversation.conversationId).map((event) => event.id)).toEqual(expected.map((row) => row.id.toString()));
    expect(readyOf(messages)).toEqual({ id: expect.any(String) });
  });

  it('a stream resuming from before the window is told it expired, replays nothing and then follows live', async () => {
    const newest = await db().event.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { id: true } });
    const { customerId, customerName } = await db().conversation.findUniqueOrThrow({ where: { id: conversation.conversationId } });
    let said = false;
    const messages = await stream((prunedThrough - 1n).toString(), (received) => {
      if (readyOf(received) && !said) {
        said = true;
        void customerSays(conversation, 'still there?', { id: customerId!, name: customerName ?? 'Relay Customer' });
      }
      return received.some((message) => message.event === 'console' && message.data.includes('still there?'));
    });
    const ready = readyOf(messages)!;
    expect(ready.expired).toBe(true);
    expect(BigInt(ready.id)).toBeGreaterThanOrEqual(newest.id);
    const beforeReady = messages.slice(0, messages.findIndex((message) => message.event === 'ready'));
    expect(beforeReady.filter((message) => message.event === 'console')).toEqual([]);
    const live = messages.filter((message) => message.event === 'console').map((message) => BigInt(message.id!));
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((id) => id > BigInt(ready.id))).toBe(true);
  });
});
