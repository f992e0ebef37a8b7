// The ingest statement on its own (lib/activities/receive-activities-sql.ts): several
// conversations' activities in one statement, each as if it had been stored alone.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeActivityRows, type ActivityRow } from '@/lib/activities/receive-activities-sql';
import { storeAttachment } from '@/lib/attachments/store-attachment';
import { cachedDefaultQueueId, defaultChannelId } from '@/lib/conversations/defaults';
import { loadSummary } from '@/lib/conversations/summary';
import { openConversation } from '@/lib/conversations/open-conversation';
import { db as defaultDb, sqlPool } from '@/lib/db/client';

const db = defaultDb();

async function message(conversation: { id: string } | { whatsapp: string }, text: string, files: string[] = []): Promise<ActivityRow> {
  const id = randomUUID();
  const arrived = new Date(Date.now() - 1000).toISOString();
  const byId = 'id' in conversation;
  return {
    conversationId: byId ? conversation.id : null,
    channelId: byId ? null : await defaultChannelId(db, 'whatsapp'),
    externalConversationId: byId ? null : conversation.whatsapp,
    isMessage: true,
    preview: text,
    queueId: await cachedDefaultQueueId(db),
    id,
    type: 'message',
    dedupeKey: `test:${id}`,
    externalId: null,
    clientActivityId: null,
    fromId: 'customer',
    fromName: 'Customer',
    fromRole: 'user',
    agentId: null,
    text,
    textFormat: null,
    locale: null,
    name: null,
    replyToId: null,
    timestamp: arrived,
    createdAt: arrived,
    raw: { type: 'message', text },
    files,
    view: { id, type: 'message', text },
  };
}

const open = async (channel: 'directline' | 'whatsapp' = 'directline', externalId?: string) =>
  (await openConversation(db, { channel, externalId })).id;

type EventPayload = { activity: { id: string; seq: number; attachments: { id: string }[] }; conversation: { lastSeq: number } };

async function eventsOf(conversationId: string): Promise<EventPayload[]> {
  const events = await db.event.findMany({ where: { conversationId, type: 'activity.created' }, orderBy: { id: 'asc' } });
  return events.map((event) => event.payload as unknown as EventPayload);
}

describe('the ingest statement', () => {
  it("stores many conversations' activities, by our id or the channel's, each with its seq, counters and event", async () => {
    const first = await open();
    const second = await open();
    const whatsapp = await open('whatsapp', `wa-${randomUUID()}`);
    const external = (await db.conversation.findUniqueOrThrow({ where: { id: whatsapp } })).externalId;
    await storeActivityRows(sqlPool(db), [await message({ id: first }, 'earlier')], { wait: true });

    const rows = [await message({ id: first }, 'one'), await message({ id: second }, 'two'), await message({ whatsapp: external }, 'three')];
    const stored = await storeActivityRows(sqlPool(db), rows, { wait: false });

    expect(stored).toEqual([
      { id: rows[0]!.id, seq: 2, toBot: false },
      { id: rows[1]!.id, seq: 1, toBot: false },
      { id: rows[2]!.id, seq: 1, toBot: false },
    ]);
    for (const [conversationId, row, seq] of [
      [first, rows[0]!, 2],
      [second, rows[1]!, 1],
      [whatsapp, rows[2]!, 1],
    ] as const) {
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
      expect(conversation).toMatchObject({ lastSeq: seq, unreadCount: seq, lastText: row.text, state: 'queued', customerId: 'customer' });
      const events = await eventsOf(conversationId);
      expect(events.at(-1)!.activity).toMatchObject({ id: row.id, seq, attachments: [] });
      // Its own arrival time, as its view (the event) says, not the statement's.
      const stored = await db.activity.findUniqueOrThrow({ where: { id: row.id } });
      expect([stored.createdAt.toISOString(), stored.updatedAt.toISOString()]).toEqual([row.createdAt, row.createdAt]);
      expect(events.at(-1)!.conversation).toEqual(await loadSummary(db, conversationId));
    }
  });

  it("stores one conversation's activities in one statement as one by one: consecutive seqs, counters, queueing once", async () => {
    const conversation = await open();
    const file = await storeAttachment({ conversationId: conversation, bytes: Buffer.from('f'), contentType: 'text/plain', name: 'f.txt' }, db);
    const typing = { ...(await message({ id: conversation }, 'ignored')), type: 'typing', isMessage: false, preview: null, text: null };
    const rows = [
      { ...(await message({ id: conversation }, 'first', [file.id])), fromId: null, fromName: null },
      typing,
      await message({ id: conversation }, 'second', [file.id]),
      { ...(await message({ id: conversation }, 'no preview')), preview: null },
    ];
    const stored = await storeActivityRows(sqlPool(db), rows, { wait: false });

    expect(stored.map((row) => row!.seq)).toEqual([1, 2, 3, 4]);
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation } });
    expect(after).toMatchObject({ lastSeq: 4, unreadCount: 3, lastText: 'second', state: 'queued', version: 1, customerId: 'customer' });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: file.id } })).activityId).toBe(rows[0]!.id);
    const events = await eventsOf(conversation);
    expect(events.map((event) => [event.activity.id, event.activity.seq, event.activity.attachments.length])).toEqual([
      [rows[0]!.id, 1, 1],
      [rows[1]!.id, 2, 0],
      [rows[2]!.id, 3, 0],
      [rows[3]!.id, 4, 0],
    ]);
    // Each event carries the conversation as the statement left it.
    for (const event of events) expect(event.conversation).toEqual(await loadSummary(db, conversation));
  });

  it('stores activities naming the same conversation two ways, by our id and by the channel\'s, in order', async () => {
    const whatsapp = await open('whatsapp', `wa-${randomUUID()}`);
    const external = (await db.conversation.findUniqueOrThrow({ where: { id: whatsapp } })).externalId;
    const rows = [await message({ whatsapp: external }, 'by number'), await message({ id: whatsapp }, 'by id')];
    const stored = await storeActivityRows(sqlPool(db), rows, { wait: false });
    expect(stored).toEqual([
      { id: rows[0]!.id, seq: 1, toBot: false },
      { id: rows[1]!.id, seq: 2, toBot: false },
    ]);
  });

  it('answers null for a conversation that does not exist, and stores the others', async () => {
    const existing = await open();
    const rows = [await message({ id: 'no-such-conversation' }, 'lost'), await message({ id: existing }, 'kept')];
    const stored = await storeActivityRows(sqlPool(db), rows, { wait: false });
    expect(stored).toEqual([null, { id: rows[1]!.id, seq: 1, toBot: false }]);
    expect(await db.activity.count({ where: { id: rows[0]!.id } })).toBe(0);
  });

  it('skips a conversation whose row another transaction holds, or waits for it', async () => {
    const locked = await open();
    const free = await open();
    const holder = await sqlPool(db).connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM "Conversation" WHERE id = $1 FOR UPDATE`, [locked]);
      const rows = [await message({ id: locked }, 'held'), await message({ id: free }, 'free')];
      expect(await storeActivityRows(sqlPool(db), rows, { wait: false })).toEqual([null, { id: rows[1]!.id, seq: 1, toBot: false }]);

      let waited = false;
      const waiting = storeActivityRows(sqlPool(db), [rows[0]!], { wait: true }).then((stored) => ((waited = true), stored));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(waited).toBe(false);
      await holder.query('COMMIT');
      expect(await waiting).toEqual([{ id: rows[0]!.id, seq: 1, toBot: false }]);
    } finally {
      holder.release();
    }
  });

  it("claims each activity's own files, not another conversation's", async () => {
    const mine = await open();
    const theirs = await open();
    const file = await storeAttachment({ conversationId: mine, bytes: Buffer.from('mine'), contentType: 'text/plain', name: 'mine.txt' }, db);
    const foreign = await storeAttachment({ conversationId: theirs, bytes: Buffer.from('theirs'), contentType: 'text/plain', name: 'theirs.txt' }, db);
    const rows = [await message({ id: mine }, 'with a file', [file.id, foreign.id]), await message({ id: theirs }, 'no file')];
    await storeActivityRows(sqlPool(db), rows, { wait: false });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: file.id } })).activityId).toBe(rows[0]!.id);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: foreign.id } })).activityId).toBeNull();
    expect((await eventsOf(mine)).at(-1)!.activity.attachments.map((attachment) => attachment.id)).toEqual([file.id]);
    expect((await eventsOf(theirs)).at(-1)!.activity.attachments).toEqual([]);
  });

  it('stores nothing of a statement when one activity repeats a dedupe key', async () => {
    const first = await open();
    const second = await open();
    const original = await message({ id: first }, 'original');
    await storeActivityRows(sqlPool(db), [original], { wait: true });
    const rows = [await message({ id: second }, 'innocent'), { ...(await message({ id: first }, 'replay')), dedupeKey: original.dedupeKey }];
    await expect(storeActivityRows(sqlPool(db), rows, { wait: false })).rejects.toMatchObject({ code: '23505' });
    expect(await db.activity.count({ where: { conversationId: second } })).toBe(0);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: first } })).lastSeq).toBe(1);
  });
});
