// Retention of customers' conversations (issue 21): an administrator gives a queue a retention
// window; the worker erases that queue's closed conversations older than it (as an erasure would:
// messages, files, events; report figures stay) and keeps newer ones, open ones, and those of a queue
// without a window when the environment sets no default.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { waitUntil } from '../support/wait-until';
import { startWorker, type WorkerProcess } from '../support/worker-process';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

let alice: ConsoleClient;
let ada: ConsoleClient;
let worker: WorkerProcess | null = null;

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  ada = await ConsoleClient.signIn('ada@demo.test');
});

afterAll(async () => {
  await worker?.stop();
});

/** A customer's conversation Alice accepted, moved to `queueId` (when given) and accepted there. */
async function conversationIn(queueId: string | null, label: string): Promise<string> {
  const who = { id: `retention-${label}-${randomUUID().slice(0, 6)}`, name: `Retention ${label}` };
  const start = await startDirectLine(who);
  await customerSays(start, `hello from ${label}`, who);
  const id = start.conversationId;
  expect((await alice.call('POST', `/api/console/conversations/${id}/accept`, {})).status).toBe(200);
  if (queueId) {
    expect((await alice.call('POST', `/api/console/conversations/${id}/transfer`, { queueId })).status).toBe(200);
    expect((await alice.call('POST', `/api/console/conversations/${id}/accept`, {})).status).toBe(200);
  }
  return id;
}

const close = async (id: string) => expect((await alice.call('POST', `/api/console/conversations/${id}/close`, {})).status).toBe(200);

describe('conversation retention', () => {
  it('an administrator sets a queue’s window; out-of-range values are refused', async () => {
    const created = await ada.call('POST', '/api/console/admin/queues', { name: `Short memory ${randomUUID().slice(0, 6)}` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ retentionDays: null, retentionDefaultDays: null });
    for (const retentionDays of [0, 1.5, 'ten', 100_000]) {
      const refused = await ada.call('PATCH', `/api/console/admin/queues/${created.body.id}`, { retentionDays });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toEqual(expect.any(String));
    }
    const agent = await alice.call('PATCH', `/api/console/admin/queues/${created.body.id}`, { retentionDays: 30 });
    expect(agent.status).toBe(403);
  });

  it('the worker erases only the closed conversations older than their queue’s window', async () => {
    const queue = (await ada.call('POST', '/api/console/admin/queues', { name: `Thirty days ${randomUUID().slice(0, 6)}` })).body as { id: string };
    const aliceId = (await alice.call('GET', '/api/console/me')).body.agent.id as string;
    expect((await ada.call('PUT', `/api/console/admin/queues/${queue.id}/members`, { agentIds: [aliceId] })).status).toBe(200);
    const set = await ada.call('PATCH', `/api/console/admin/queues/${queue.id}`, { retentionDays: 30 });
    expect([set.status, set.body.retentionDays]).toEqual([200, 30]);

    const old = await conversationIn(queue.id, 'old');
    const recent = await conversationIn(queue.id, 'recent');
    const open = await conversationIn(queue.id, 'open');
    const elsewhere = await conversationIn(null, 'general');
    for (const id of [old, recent, elsewhere]) await close(id);
    // Ages are set in the database: the window is days long.
    await db().conversation.update({ where: { id: old }, data: { closedAt: daysAgo(31) } });
    await db().conversation.update({ where: { id: recent }, data: { closedAt: daysAgo(29) } });
    await db().conversation.update({ where: { id: open }, data: { lastActivityAt: daysAgo(90), acceptedAt: daysAgo(90) } });
    await db().conversation.update({ where: { id: elsewhere }, data: { closedAt: daysAgo(3650) } });
    const oldEpisode = await db().episode.findFirstOrThrow({ where: { conversationId: old } });

    worker = await startWorker({ ROUTING: '0', PRUNE_INTERVAL_SECONDS: '1' });
    await waitUntil(async () => (await db().conversation.count({ where: { id: old } })) === 0, 20_000, 'the old closed conversation erased');

    expect(await db().activity.count({ where: { conversationId: old } })).toBe(0);
    expect(await db().event.count({ where: { conversationId: old } })).toBe(0);
    expect(await db().episode.findUniqueOrThrow({ where: { id: oldEpisode.id } })).toMatchObject({ conversationId: null, customerMessages: oldEpisode.customerMessages });
    expect(await db().conversation.count({ where: { id: { in: [recent, open, elsewhere] } } })).toBe(3);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'retention.erase' } });
    expect(entry).toMatchObject({ actorId: 'system', actorRole: null });
    expect((entry.after as { conversationIds: string[] }).conversationIds).toEqual([old]);
  }, 120_000);
});
