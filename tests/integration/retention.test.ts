// Bounded tables (issue 20): the worker prunes events, sent deliveries (with their attempts),
// applied Event Grid ids, ended rate-limit windows, rejected channel events, unclaimed early
// delivery statuses and failed sign-ins past their retention, keeps the newer ones and failed
// deliveries, and a console stream resumes as before inside the event window and is told plainly
// when it cannot.
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
  worker ??= await startWorker({ ROUTING: '0', PRUNE_INTERVAL_SECONDS: '1' });
}

const gone = (what: string, count: () => Promise<number>) => waitUntil(async () => (await count()) === 0, 20_000, `${what} pruned`);

type GridEvent = { id: string; data: Record<string, unknown> } & Record<string, unknown>;

/** A seed 001 ACS event (tests/fixtures), with a fresh id and `data` patched over the fixture's. */
function acsEvent(name: string, data: Record<string, unknown>): GridEvent {
  const [base] = JSON.parse(readFileSync(path.resolve('tests/fixtures', `acs-${name}.json`), 'utf8')) as GridEvent[];
  return { ...base!, id: randomUUID(), data: { ...base!.data, ...data } };
}

/** An ACS delivery status for `messageId`, as Event Grid delivers it. */
function deliveryStatus(messageId: string, status = 'Sent'): GridEvent {
  return { ...acsEvent('advanced-message-delivery-status.sent', { messageId, status }), subject: `advancedMessage/${messageId}/status/${status}` };
}

/** One Event Grid delivery of `event` to the WhatsApp webhook; answers the key the event is kept under (ProcessedEvent, RejectedEvent). */
async function eventGrid(event: GridEvent): Promise<string> {
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
    const oldKey = await eventGrid(deliveryStatus(randomUUID()));
    const newKey = await eventGrid(deliveryStatus(randomUUID()));

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

  it('prunes early delivery statuses nobody claimed past EARLY_STATUS_RETENTION_DAYS, and a kept one still applies when its send answers', async () => {
    const phone = `1555${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
    await eventGrid(acsEvent('advanced-message-received.text', { from: phone, content: 'Where is my order?' }));
    const whatsApp = await waitUntil(() => db().conversation.findFirst({ where: { customerId: phone } }).then((row) => row ?? undefined), 10_000, 'the WhatsApp conversation');
    expect((await alice.call('POST', `/api/console/conversations/${whatsApp.id}/accept`, {})).status).toBe(200);
    // Reports for ids no message carries yet: ACS answers a send that never got recorded, or not yet.
    const unclaimed = randomUUID();
    const overtaking = randomUUID();
    await eventGrid(deliveryStatus(unclaimed, 'Delivered'));
    await eventGrid(deliveryStatus(overtaking, 'Read'));
    // The window is a day by default.
    await db().pendingDeliveryStatus.updateMany({ where: { externalId: unclaimed }, data: { receivedAt: daysAgo(2) } });
    await db().pendingDeliveryStatus.updateMany({ where: { externalId: overtaking }, data: { receivedAt: new Date(Date.now() - 20 * 3_600_000) } });

    await startPruningWorker();
    await gone('the unclaimed delivery status', () => db().pendingDeliveryStatus.count({ where: { externalId: unclaimed } }));
    expect(await db().pendingDeliveryStatus.count({ where: { externalId: overtaking } })).toBe(1);

    // ACS answers the next send with the id the kept report names: the message shows it at once.
    expect((await fetch(`${process.env.TEST_ACS_URL}/test/next-message-id`, { method: 'POST', body: JSON.stringify(overtaking) })).status).toBe(200);
    const sent = await repSends(whatsApp.id, 'On its way');
    await deliveryStateOf(sent, 'read');
    expect((await db().activity.findUniqueOrThrow({ where: { id: sent } })).externalId).toBe(overtaking);
    expect(await db().pendingDeliveryStatus.count({ where: { externalId: overtaking } })).toBe(0);
  }, 60_000);

  it('prunes rejected channel events past REJECTED_EVENT_RETENTION_DAYS and keeps the newer ones', async () => {
    const oldKey = await eventGrid(acsEvent('advanced-message-received.text', { from: null, content: 'from nobody, long ago' }));
    const newKey = await eventGrid(acsEvent('advanced-message-received.text', { from: null, content: 'from nobody, lately' }));
    expect(await db().rejectedEvent.count({ where: { key: { in: [oldKey, newKey] } } })).toBe(2);
    // 30 days by default.
    await db().rejectedEvent.update({ where: { key: oldKey }, data: { createdAt: daysAgo(31) } });
    await db().rejectedEvent.update({ where: { key: newKey }, data: { createdAt: daysAgo(29) } });

    await startPruningWorker();
    await gone('the old rejected event', () => db().rejectedEvent.count({ where: { key: oldKey } }));
    expect(await db().rejectedEvent.count({ where: { key: newKey } })).toBe(1);
  }, 60_000);

  it('prunes failed sign-ins older than a day, and the sign-in limit still counts the recent ones', async () => {
    const email = 'bob@demo.test';
    const guesser = new ConsoleClient();
    const guess = (i: number) => guesser.call('POST', '/api/console/auth/sign-in', { email, password: `guess-${i}` });
    for (let i = 0; i < 10; i++) expect((await guess(i)).status).toBe(401);
    const failures = await db().signInFailure.findMany({ where: { email }, orderBy: { id: 'asc' }, select: { id: true } });
    expect(failures).toHaveLength(10);
    const aged = failures.slice(0, 4).map((failure) => failure.id);
    await db().signInFailure.updateMany({ where: { id: { in: aged } }, data: { createdAt: daysAgo(2) } });

    await startPruningWorker();
    await gone('the failed sign-ins of two days ago', () => db().signInFailure.count({ where: { id: { in: aged } } }));
    expect(await db().signInFailure.count({ where: { email } })).toBe(6);
    // The six of the last minutes still count: four more failures reach the limit of ten.
    for (let i = 10; i < 14; i++) expect((await guess(i)).status).toBe(401);
    const limited = await guess(14);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('TooManyAttempts');
  }, 60_000);
});
