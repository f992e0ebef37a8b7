// The ingest hot path computes a conversation's summary and event scope in SQL
// (lib/conversations/summary-sql.ts); everything else in TypeScript (lib/views/map.ts,
// lib/auth/conversation-access.ts). Both must say the same for every kind of conversation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scopeOfSummary } from '@/lib/auth/conversation-access';
import { defaultChannelId, ensureDefaults } from '@/lib/conversations/defaults';
import { loadSummary } from '@/lib/conversations/summary';
import { scopeJsonSql, summaryJsonSql } from '@/lib/conversations/summary-sql';
import { createDb, sqlPool, type Db } from '@/lib/db/client';
import type { ChannelKind, Prisma } from '@/lib/db/generated/client';
import { migrate } from '@/lib/db/migrate';
import { scratchDatabase } from '../support/scratch-db';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchDatabase();
  drop = scratch.drop;
  await migrate(scratch.url);
  db = createDb(scratch.url, 2);
  await ensureDefaults(db);
});

afterAll(async () => {
  await db?.$disconnect();
  await drop?.();
});

async function expectSameSummary(id: string) {
  const { rows } = await sqlPool(db).query(
    `SELECT summary, ${scopeJsonSql('summary')} AS scope FROM (SELECT ${summaryJsonSql('c', 'ch')} AS summary FROM "Conversation" c JOIN "Channel" ch ON ch.id = c."channelId" WHERE c.id = $1) AS s`,
    [id],
  );
  const expected = await loadSummary(db, id);
  expect(rows[0].summary).toEqual(expected);
  expect(rows[0].scope).toEqual(scopeOfSummary(expected));
  return expected;
}

async function conversation(channel: ChannelKind, data: Partial<Prisma.ConversationUncheckedCreateInput> = {}) {
  const id = randomUUID();
  await db.conversation.create({ data: { id, externalId: id, channelId: await defaultChannelId(db, channel), ...data } });
  return id;
}

const agent = (name: string) => db.agent.create({ data: { email: `${name}-${randomUUID()}@summary.test`, displayName: name, passwordHash: 'x' } });

it('agrees on bare conversations of every channel', async () => {
  for (const channel of ['directline', 'teams', 'connector', 'whatsapp', 'custom'] as const) {
    await expectSameSummary(await conversation(channel));
    await expectSameSummary(await conversation(channel, { customerId: 'c-1', lastInboundAt: new Date(), lastText: 'hi', channelData: {} }));
  }
});

it('agrees on Teams channel data and WhatsApp analysis, odd shapes included', async () => {
  const shapes: Prisma.InputJsonValue[] = [
    { conversationType: 'channel', tenantId: 't-1', team: { name: 'Sales', id: '19:x' }, channel: { id: '19:y' } },
    { conversationType: null, team: 'not an object', channel: { name: null, id: null } },
    { analysis: { language: 'en', confidence: 0.9, intent: 'refund', keyPhrases: ['refund', 'order'], translation: 'hello' } },
    { analysis: { language: null, keyPhrases: 'not a list' } },
    { analysis: false },
    { analysis: null },
    [],
  ];
  for (const channelData of shapes) {
    for (const channel of ['teams', 'connector', 'whatsapp'] as const) {
      await expectSameSummary(await conversation(channel, { channelData, lastInboundAt: new Date(), blockedAt: new Date() }));
    }
  }
});

it('agrees on queue, owner, consultants and requests', async () => {
  const [owner, joined, invited, left, asked, routed] = await Promise.all(['Olga', 'Jin', 'Ivo', 'Lea', 'Ana', 'Rui'].map(agent));
  const queue = await db.queue.create({ data: { name: `Billing ${randomUUID()}` } });
  const id = await conversation('teams', {
    state: 'active',
    queueId: queue.id,
    ownerId: owner!.id,
    customerName: 'Carol',
    version: 7,
    unreadCount: 3,
    consultants: {
      create: [
        { agentId: joined!.id, joinedAt: new Date(), startedAt: new Date(Date.now() - 1000) },
        { agentId: invited!.id, startedAt: new Date(Date.now() + 1) },
        { agentId: left!.id, endedAt: new Date() },
      ],
    },
    offers: {
      create: [
        { agentId: asked!.id, kind: 'transfer', expiresAt: new Date(Date.now() + 60_000), createdAt: new Date(Date.now() - 1000) },
        { agentId: left!.id, kind: 'consult', expiresAt: new Date(Date.now() + 60_000), createdAt: new Date(Date.now() + 5) },
        { agentId: joined!.id, kind: 'consult', state: 'declined', expiresAt: new Date(Date.now() + 60_000) },
        { agentId: routed!.id, kind: 'route', expiresAt: new Date(Date.now() + 60_000) },
      ],
    },
  });
  const summary = await expectSameSummary(id);
  expect(summary.consultants.map((c) => c.name)).toEqual(['Jin', 'Ivo']);
  expect(summary.pendingRequests.map((r) => r.kind)).toEqual(['transfer', 'consult']);
});
