import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { openConsole } from '../support/sse';

afterAll(() => db().$disconnect());

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

async function acceptedConversation(agent: ConsoleClient, label: string) {
  const start = await startDirectLine({ id: `${label}-user`, name: label });
  await customerSays(start, 'hello', { id: `${label}-user`, name: label });
  const accepted = await agent.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
  expect(accepted.status).toBe(200);
  return start.conversationId;
}

describe('presence, directory, offers, transfer and consult over HTTP', () => {
  it('keeps the new routes behind the session', async () => {
    const anonymous = new ConsoleClient();
    for (const [method, path] of [
      ['GET', '/api/console/offers'],
      ['GET', '/api/console/directory'],
      ['PUT', '/api/console/me/presence'],
      ['POST', `/api/console/offers/${NIL_UUID}/accept`],
      ['POST', `/api/console/offers/${NIL_UUID}/decline`],
      ['POST', '/api/console/conversations/x/transfer'],
      ['POST', '/api/console/conversations/x/consult'],
      ['POST', '/api/console/conversations/x/consult/join'],
      ['POST', '/api/console/conversations/x/consult/end'],
      ['POST', '/api/console/conversations/x/wrap-up'],
    ] as const) {
      expect((await anonymous.call(method, path, method === 'GET' ? undefined : {})).status, path).toBe(401);
    }
  });

  it('sets presence (a closed list) and shows it in the directory with load and queues', async () => {
    const bob = await ConsoleClient.signIn('bob@demo.test');
    const bad = await bob.call('PUT', '/api/console/me/presence', { presence: 'sleeping' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BadArgument');
    const away = await bob.call('PUT', '/api/console/me/presence', { presence: 'away' });
    expect(away.status).toBe(200);
    expect(away.body).toMatchObject({ displayName: 'Bob', presence: 'away', capacity: 5 });

    const directory = await bob.call('GET', '/api/console/directory');
    expect(directory.status).toBe(200);
    expect(directory.body.agents.find((a: { displayName: string }) => a.displayName === 'Bob')).toMatchObject({ presence: 'away' });
    expect(directory.body.queues.map((q: { name: string }) => q.name)).toContain('General');
    expect((await bob.call('PUT', '/api/console/me/presence', { presence: 'offline' })).status).toBe(200);
  });

  it('answers bad transfer and consult requests with 4xx, and the right one with the new summary', async () => {
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const bob = await ConsoleClient.signIn('bob@demo.test');
    const conversationId = await acceptedConversation(alice, 'api-transfer');
    const directory = (await alice.call('GET', '/api/console/directory')).body;
    const bobId = directory.agents.find((a: { displayName: string }) => a.displayName === 'Bob').id as string;
    const general = directory.queues.find((q: { name: string }) => q.name === 'General').id as string;

    const path = `/api/console/conversations/${conversationId}`;
    expect((await alice.call('POST', `${path}/transfer`, {})).status).toBe(400);
    expect((await alice.call('POST', `${path}/transfer`, { agentId: 'bob' })).status).toBe(400);
    expect((await alice.call('POST', `${path}/transfer`, { agentId: bobId, queueId: general })).status).toBe(400);
    expect((await alice.call('POST', `${path}/transfer`, { agentId: bobId, note: 'x'.repeat(2001) })).status).toBe(400);
    expect((await alice.call('POST', `${path}/transfer`, { agentId: NIL_UUID })).body.error.code).toBe('AgentNotFound');
    expect((await alice.call('POST', `${path}/transfer`, { queueId: NIL_UUID })).body.error.code).toBe('QueueNotFound');
    expect((await bob.call('POST', `${path}/transfer`, { queueId: general })).status).toBe(403);
    expect((await alice.call('POST', `${path}/consult`, { agentId: bobId, extra: true })).status).toBe(400);
    expect((await alice.call('POST', `${path}/wrap-up`, { note: 'too early' })).body.error.code).toBe('NotClosed');

    // Bob has the console open: a request can reach him (lifecycle-events.test.ts covers when it cannot).
    const bobsConsole = await openConsole(bob);
    const consult = await alice.call('POST', `${path}/consult`, { agentId: bobId, note: 'a second pair of eyes' });
    expect(consult.status).toBe(200);
    expect(consult.body.pendingRequests).toMatchObject([{ kind: 'consult', agentName: 'Bob' }]);
    const offers = await bob.call('GET', '/api/console/offers');
    const offer = offers.body.items.find((o: { conversationId: string }) => o.conversationId === conversationId);
    expect(offer).toMatchObject({ kind: 'consult', fromName: 'Alice', note: 'a second pair of eyes' });
    expect((await alice.call('POST', `/api/console/offers/${offer.id}/accept`, {})).status).toBe(403);
    expect((await bob.call('POST', `/api/console/offers/${NIL_UUID}/accept`, {})).status).toBe(404);
    const joined = await bob.call('POST', `/api/console/offers/${offer.id}/accept`, {});
    expect(joined.status).toBe(200);
    expect(joined.body.consultants).toMatchObject([{ name: 'Bob', joined: false }]);
    expect((await bob.call('POST', `/api/console/offers/${offer.id}/decline`, {})).body.error.code).toBe('OfferNotPending');

    const mine = await bob.call('GET', '/api/console/conversations?filter=mine');
    expect(mine.body.items.some((c: { id: string }) => c.id === conversationId)).toBe(true);

    const toQueue = await alice.call('POST', `${path}/transfer`, { queueId: general, note: 'back to the queue' });
    expect(toQueue.status).toBe(200);
    expect(toQueue.body).toMatchObject({ state: 'queued', ownerId: null, consultants: [] });
    const closed = await alice.call('POST', `${path}/close`, { note: 'x'.repeat(4001) });
    expect(closed.status).toBe(400);
    bobsConsole.close();
  });

  it('filters the inbox by queue', async () => {
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const start = await startDirectLine({ id: 'queue-filter-user', name: 'Queue Filter' });
    await customerSays(start, 'which queue?', { id: 'queue-filter-user', name: 'Queue Filter' });
    const general = (await alice.call('GET', '/api/console/directory')).body.queues.find((q: { name: string }) => q.name === 'General').id;
    const inGeneral = await alice.call('GET', `/api/console/conversations?filter=all&queue=${general}`);
    expect(inGeneral.body.items.some((c: { id: string }) => c.id === start.conversationId)).toBe(true);
    const elsewhere = await alice.call('GET', `/api/console/conversations?filter=all&queue=${NIL_UUID}`);
    expect(elsewhere.body.items).toEqual([]);
    expect((await alice.call('GET', '/api/console/conversations?queue=General')).status).toBe(400);
  });
});
