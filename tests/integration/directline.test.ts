import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, directLine, startDirectLine } from '../support/clients';

describe('Direct Line: starting a conversation', () => {
  it('answers 201 with conversationId, token, expires_in and an absolute streamUrl', async () => {
    const start = await startDirectLine({ id: 'u-start', name: 'Dana' });
    expect(start.conversationId).toMatch(/^[\w-]{10,}$/);
    expect(start.token.split('.')).toHaveLength(3);
    expect(start.expires_in).toBeGreaterThan(60);
    expect(start.streamUrl).toMatch(new RegExp(`^ws://.+/v3/directline/conversations/${start.conversationId}/stream\\?t=`));
  });

  it('accepts the body botframework-directlinejs sends ({"user":{}}) and an empty body', async () => {
    expect((await directLine('/conversations', { method: 'POST', body: { user: {} } })).status).toBe(201);
    expect((await directLine('/conversations', { method: 'POST' })).status).toBe(201);
  });

  it('answers 200 when the token names a conversation that already started', async () => {
    const start = await startDirectLine();
    const again = await directLine('/conversations', { method: 'POST', auth: start.token, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(start.conversationId);
  });
});

describe('Direct Line: activities', () => {
  it('stores the customer message and echoes it with its new id and clientActivityID', async () => {
    const start = await startDirectLine({ id: 'u-echo', name: 'Eve' });
    const posted = await directLine(`/conversations/${start.conversationId}/activities`, {
      method: 'POST',
      auth: start.token,
      body: { type: 'message', from: { id: 'u-echo', name: 'Eve' }, text: 'hello 👋🏽', locale: 'en-US', channelData: { clientActivityID: 'client-1' } },
    });
    expect(posted.status).toBe(200);
    expect(posted.body.id).toEqual(expect.any(String));

    const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
    expect(read.status).toBe(200);
    expect(read.body.watermark).toBe('1');
    expect(read.body.activities).toEqual([
      expect.objectContaining({
        id: posted.body.id,
        type: 'message',
        text: 'hello 👋🏽',
        channelId: 'directline',
        conversation: { id: start.conversationId },
        from: { id: 'u-echo', name: 'Eve' },
        channelData: { clientActivityID: 'client-1' },
        timestamp: expect.stringMatching(/Z$/),
      }),
    ]);
  });

  it('stores a retried activity (same clientActivityID) once and answers the same id', async () => {
    const start = await startDirectLine();
    const body = { type: 'message', from: { id: 'u' }, text: 'once', channelData: { clientActivityID: 'retry-1' } };
    const path = `/conversations/${start.conversationId}/activities`;
    const answers = await Promise.all([1, 2, 3].map(() => directLine(path, { method: 'POST', auth: start.token, body })));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const read = await directLine(path, { auth: start.token });
    expect(read.body.activities).toHaveLength(1);
  });

  it('a burst into one conversation, a replay inside it: each message once, seqs without gaps, one event each', async () => {
    const start = await startDirectLine({ id: 'u-burst', name: 'Burst' });
    const post = (n: number) =>
      directLine(`/conversations/${start.conversationId}/activities`, {
        method: 'POST',
        auth: start.token,
        body: { type: 'message', from: { id: 'u-burst' }, text: `burst ${n}`, channelData: { clientActivityID: `burst-${n}` } },
      });
    // 40 messages at once, and message 7 sent a second time within them (a client retrying).
    const answers = await Promise.all([...Array.from({ length: 40 }, (_, n) => post(n)), post(7)]);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(answers[40]!.body.id).toBe(answers[7]!.body.id);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(40);

    const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
    expect(read.body.watermark).toBe('40');
    const texts = (read.body.activities as { id: string; text: string }[]).map((activity) => activity.text).sort();
    expect(texts).toEqual(Array.from({ length: 40 }, (_, n) => `burst ${n}`).sort());
    const stored = await db().activity.findMany({ where: { conversationId: start.conversationId }, select: { id: true, seq: true }, orderBy: { seq: 'asc' } });
    expect(stored.map((activity) => activity.seq)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    const events = await db().event.findMany({ where: { conversationId: start.conversationId, type: 'activity.created' }, select: { payload: true } });
    const eventActivityIds = events.map((event) => (event.payload as { activity: { id: string } }).activity.id).sort();
    expect(eventActivityIds).toEqual(stored.map((activity) => activity.id).sort());
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: start.conversationId } });
    expect(conversation.lastSeq).toBe(40);
    expect(conversation.unreadCount).toBe(40);
  });

  it('many conversations at once, replays among them: each message once, every conversation gapless, one event each', async () => {
    const starts = await Promise.all(Array.from({ length: 20 }, (_, n) => startDirectLine({ id: `u-many-${n}` })));
    const post = (c: number, n: number) =>
      directLine(`/conversations/${starts[c]!.conversationId}/activities`, {
        method: 'POST',
        auth: starts[c]!.token,
        body: { type: 'message', from: { id: `u-many-${c}` }, text: `many ${c}.${n}`, channelData: { clientActivityID: `many-${c}-${n}` } },
      });
    const sends = starts.flatMap((_, c) => [0, 1, 2].map((n) => [c, n] as const));
    // Every message at once, and every fifth sent a second time among them.
    const answers = await Promise.all([...sends, ...sends.filter((_, i) => i % 5 === 0)].map(([c, n]) => post(c, n)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(sends.length);

    for (const start of starts) {
      const stored = await db().activity.findMany({ where: { conversationId: start.conversationId }, select: { id: true, seq: true }, orderBy: { seq: 'asc' } });
      expect(stored.map((activity) => activity.seq)).toEqual([1, 2, 3]);
      const events = await db().event.findMany({ where: { conversationId: start.conversationId, type: 'activity.created' }, select: { payload: true } });
      const announced = events.map(({ payload }) => {
        const { id, seq } = (payload as { activity: { id: string; seq: number } }).activity;
        return { id, seq };
      });
      expect(announced.sort((a, b) => a.seq - b.seq)).toEqual(stored);
      expect(await db().conversation.findUniqueOrThrow({ where: { id: start.conversationId } })).toMatchObject({ lastSeq: 3, unreadCount: 3 });
    }
  });

  it('returns only what follows the watermark, and the watermark stays when nothing is new', async () => {
    const start = await startDirectLine();
    await customerSays(start, 'one');
    await customerSays(start, 'two');
    const path = `/conversations/${start.conversationId}/activities`;
    const after1 = await directLine(`${path}?watermark=1`, { auth: start.token });
    expect(after1.body.activities.map((a: { text: string }) => a.text)).toEqual(['two']);
    expect(after1.body.watermark).toBe('2');
    const after2 = await directLine(`${path}?watermark=2`, { auth: start.token });
    expect(after2.body).toEqual({ activities: [], watermark: '2' });
  });

  it('carries the rep reply back with a higher watermark', async () => {
    const start = await startDirectLine({ id: 'u-round', name: 'Round Trip' });
    await customerSays(start, 'I need help', { id: 'u-round', name: 'Round Trip' });
    const alice = await ConsoleClient.signIn('alice@demo.test');
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {})).status).toBe(200);
    const sent = await alice.call('POST', `/api/console/conversations/${start.conversationId}/messages`, {
      text: 'Happy to **help**',
      clientId: 'reply-0001',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.deliveryState).toBe('sent');

    // The lifecycle events in between are the console's own timeline; the customer sees the reply.
    const read = await directLine(`/conversations/${start.conversationId}/activities?watermark=1`, { auth: start.token });
    expect(Number(read.body.watermark)).toBeGreaterThan(1);
    expect(read.body.activities).toEqual([
      expect.objectContaining({
        type: 'message',
        text: 'Happy to **help**',
        textFormat: 'markdown',
        from: expect.objectContaining({ name: 'Alice', role: 'bot' }),
      }),
    ]);
  });
});

describe('Direct Line: bad input gets a 4xx with {"error":{"code","message"}}', () => {
  const errorBody = { error: { code: expect.any(String), message: expect.any(String) } };

  it('no credential, an unknown secret, a forged token', async () => {
    const forged = await new SignJWT({ conv: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('k'.repeat(32)));
    for (const auth of [null, 'not-the-secret', forged]) {
      const response = await directLine('/conversations', { method: 'POST', auth, body: {} });
      expect(response.status).toBe(401);
      expect(response.body).toEqual(errorBody);
    }
  });

  it('bad JSON, a missing type, a bad watermark', async () => {
    const start = await startDirectLine();
    const path = `/conversations/${start.conversationId}/activities`;
    const badJson = await directLine(path, { method: 'POST', auth: start.token, rawBody: '{"type":' });
    const noType = await directLine(path, { method: 'POST', auth: start.token, body: { text: 'hi' } });
    const badStart = await directLine('/conversations', { method: 'POST', rawBody: '[1,' });
    const badWatermark = await directLine(`${path}?watermark=abc`, { auth: start.token });
    for (const response of [badJson, noType, badStart, badWatermark]) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual(errorBody);
    }
  });

  it('an unknown conversation', async () => {
    const post = await directLine('/conversations/does-not-exist/activities', { method: 'POST', body: { type: 'message' } });
    const get = await directLine('/conversations/does-not-exist/activities');
    expect([post.status, get.status]).toEqual([404, 404]);
    expect(post.body).toEqual(errorBody);
  });

  it("another conversation's token", async () => {
    const mine = await startDirectLine();
    const theirs = await startDirectLine();
    const response = await directLine(`/conversations/${theirs.conversationId}/activities`, { auth: mine.token });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(errorBody);
  });

  it('an activity of 256K characters or more', async () => {
    const start = await startDirectLine();
    const response = await directLine(`/conversations/${start.conversationId}/activities`, {
      method: 'POST',
      auth: start.token,
      body: { type: 'message', text: 'x'.repeat(256 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(errorBody);
  });
});
