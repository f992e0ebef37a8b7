// The worker writes its realtime events in bulk, with each event's scope read in SQL: the rule must
// stay the one `loadScope` applies.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScope, scopeSql } from '@/lib/auth/conversation-access';
import { db } from '@/lib/db/client';
import type { EventScope } from '@/lib/views/types';
import { ConsoleClient } from '../support/clients';
import { createCustomChannel, deliveryStateOf, relayedConversation } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';

let receiver: FakeChannel;
let alice: ConsoleClient;
const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  receiver = await FakeChannel.start();
  alice = await ConsoleClient.signIn('alice@demo.test');
  await sql.connect();
});

afterAll(async () => {
  await receiver.stop();
  await sql.end();
});

describe('events the outbox worker writes', () => {
  it('scopeSql reads the same scope as loadScope: queue, owner, active consultants and pending offers', async () => {
    const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'batch-token' });
    const { conversationId } = await relayedConversation(channel.id, alice);
    const agent = (email: string) => db().agent.findUniqueOrThrow({ where: { email } });
    const bob = await agent('bob@demo.test');
    const sam = await agent('sam@demo.test');
    const ada = await agent('ada@demo.test');
    await db().consultant.create({ data: { conversationId, agentId: bob.id } });
    await db().consultant.create({ data: { conversationId, agentId: ada.id, endedAt: new Date() } });
    await db().offer.create({ data: { conversationId, agentId: sam.id, kind: 'transfer', expiresAt: new Date(Date.now() + 60_000) } });
    await db().offer.create({ data: { conversationId, agentId: ada.id, kind: 'consult', state: 'declined', expiresAt: new Date() } });

    // The order of `agentIds` carries no meaning.
    const sorted = (scope: EventScope | null) => scope && { ...scope, agentIds: [...scope.agentIds].sort() };
    const expected = await loadScope(db(), conversationId);
    expect(sorted(expected)?.agentIds).toEqual([bob.id, sam.id].sort());
    const { rows } = await sql.query(`SELECT ${scopeSql('$1')} AS scope`, [conversationId]);
    expect(sorted(rows[0].scope)).toEqual(sorted(expected));
    const missing = await sql.query(`SELECT ${scopeSql('$1')} AS scope`, ['no-such-conversation']);
    expect(missing.rows[0].scope).toBeNull();
  });

  it('a delivered message’s Sent event carries the whole message and its scope', async () => {
    const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'batch-token' });
    const { conversationId } = await relayedConversation(channel.id, alice);
    const sent = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text: 'batched', clientId: `batch-${Date.now()}` });
    expect(sent.status).toBe(201);
    await deliveryStateOf(sent.body.id, 'sent');
    const events = await db().event.findMany({ where: { conversationId, type: 'activity.updated' }, orderBy: { id: 'desc' } });
    const event = events.find((row) => (row.payload as { activity: { id: string } }).activity.id === sent.body.id);
    const payload = event?.payload as { activity: Record<string, unknown>; scope: unknown };
    const row = await db().activity.findUniqueOrThrow({ where: { id: sent.body.id } });
    expect(payload.activity).toMatchObject({ id: row.id, text: 'batched', deliveryState: 'sent', deliveryError: null, updatedAt: row.updatedAt.toISOString() });
    expect(payload.scope).toEqual(await loadScope(db(), conversationId)); // no consultants or offers: one order
  });
});
