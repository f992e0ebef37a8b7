import { describe, expect, it } from 'vitest';
import { ConsoleClient, customerSays, directLine, startDirectLine } from '../support/clients';
import { withClient } from '../support/scratch-db';
import { readEvents } from '../support/sse';

describe('console sign-in', () => {
  it('refuses a wrong password and an unknown email alike', async () => {
    const anonymous = new ConsoleClient();
    for (const email of ['alice@demo.test', 'nobody@demo.test']) {
      const response = await anonymous.call('POST', '/api/console/auth/sign-in', { email, password: 'wrong-password' });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('InvalidCredentials');
    }
  });

  it('slows password guessing: after 10 failures in 15 minutes the account answers 429', async () => {
    const anonymous = new ConsoleClient();
    const email = `guessed-${Date.now()}@demo.test`;
    for (let i = 0; i < 10; i++) {
      expect((await anonymous.call('POST', '/api/console/auth/sign-in', { email, password: `guess-${i}` })).status).toBe(401);
    }
    const limited = await anonymous.call('POST', '/api/console/auth/sign-in', { email, password: 'one more' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(limited.body.error.code).toBe('TooManyAttempts');
  });

  it('sets an httpOnly session cookie; sign-out revokes the session', async () => {
    const anonymous = new ConsoleClient();
    const response = await anonymous.call('POST', '/api/console/auth/sign-in', { email: 'alice@demo.test', password: 'demo-password' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(response.body.agent).toMatchObject({ email: 'alice@demo.test', displayName: 'Alice', role: 'agent' });
    const stolenCookie = anonymous.cookieHeader();
    expect((await anonymous.call('GET', '/api/console/me')).status).toBe(200);
    // The stream opens with the cookie first: the server remembers the unsealed cookie, not the session.
    const live = await readEvents('/api/console/events', { Cookie: stolenCookie }, (messages) => messages.some((m) => m.event === 'ready'));
    expect(live.some((m) => m.event === 'ready')).toBe(true);
    expect((await anonymous.call('POST', '/api/console/auth/sign-out', {})).status).toBe(200);
    const replay = await fetch(`${process.env.CONSOLE_URL}/api/console/me`, { headers: { Cookie: stolenCookie } });
    expect(replay.status).toBe(401);
    // The event stream (answered by the custom server itself) honours the same session.
    const stream = await fetch(`${process.env.CONSOLE_URL}/api/console/events`, { headers: { Cookie: stolenCookie } });
    expect(stream.status).toBe(401);
    expect(await stream.json()).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
  });

  it('keeps every console route behind the session', async () => {
    const anonymous = new ConsoleClient();
    for (const [method, path] of [
      ['GET', '/api/console/me'],
      ['GET', '/api/console/conversations'],
      ['GET', '/api/console/events'],
      ['GET', '/api/console/conversations/x'],
      ['GET', '/api/console/conversations/x/activities'],
    ] as const) {
      expect((await anonymous.call(method, path)).status, path).toBe(401);
    }
    expect((await anonymous.call('POST', '/api/console/conversations/x/accept', {})).status).toBe(401);
  });

  it('refuses writes that are not JSON (a cross-site form cannot send JSON)', async () => {
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const response = await alice.call('POST', '/api/console/conversations/x/accept', undefined, {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
  });
});

describe('inbox and conversation', () => {
  it('shows a new conversation under Unassigned, then under Mine for whoever accepted it', async () => {
    const start = await startDirectLine({ id: 'u-inbox', name: 'Inbox Person' });
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const before = await alice.call('GET', '/api/console/conversations?filter=unassigned');
    expect(before.body.items.some((c: { id: string }) => c.id === start.conversationId)).toBe(false);

    await customerSays(start, 'first', { id: 'u-inbox', name: 'Inbox Person' });
    await customerSays(start, 'second', { id: 'u-inbox', name: 'Inbox Person' });
    const unassigned = await alice.call('GET', '/api/console/conversations?filter=unassigned');
    expect(unassigned.body.items.find((c: { id: string }) => c.id === start.conversationId)).toMatchObject({
      customerName: 'Inbox Person',
      state: 'queued',
      queueName: 'General',
      unreadCount: 2,
      lastText: 'second',
    });

    await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
    const mine = await alice.call('GET', '/api/console/conversations?filter=mine');
    expect(mine.body.items.find((c: { id: string }) => c.id === start.conversationId)).toMatchObject({ ownerName: 'Alice', state: 'active' });
    const transcript = await alice.call('GET', `/api/console/conversations/${start.conversationId}/activities`);
    expect(transcript.body.items.map((a: { type: string; text: string; name: string }) => a.text ?? a.name)).toEqual([
      'first',
      'second',
      'AgentAssigned',
      'AgentAccepted',
    ]);
  });

  it('lets one of two agents accepting at once win; the other gets 409 naming the winner', async () => {
    const start = await startDirectLine();
    await customerSays(start, 'race');
    const [alice, bob] = await Promise.all([ConsoleClient.signIn('alice@demo.test'), ConsoleClient.signIn('bob@demo.test')]);
    const { body: summary } = await alice.call('GET', `/api/console/conversations/${start.conversationId}`);
    const answers = await Promise.all(
      [alice, bob].map((agent) => agent.call('POST', `/api/console/conversations/${start.conversationId}/accept`, { version: summary.version })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.error.message).toMatch(/Already accepted by (Alice|Bob)/);
  });

  it('lets only the owner reply', async () => {
    const start = await startDirectLine();
    await customerSays(start, 'who answers?');
    const [alice, bob] = await Promise.all([ConsoleClient.signIn('alice@demo.test'), ConsoleClient.signIn('bob@demo.test')]);
    await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
    const response = await bob.call('POST', `/api/console/conversations/${start.conversationId}/messages`, { text: 'me!', clientId: 'bob-00001' });
    expect(response.status).toBe(403);
  });

  it('puts a closed conversation back in the queue when the customer writes again (same conversation)', async () => {
    const start = await startDirectLine({ id: 'u-again', name: 'Back Again' });
    await customerSays(start, 'first visit', { id: 'u-again', name: 'Back Again' });
    const alice = await ConsoleClient.signIn('alice@demo.test');
    await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/close`, {})).status).toBe(200);
    await customerSays(start, 'me again', { id: 'u-again', name: 'Back Again' });
    const reopened = await alice.call('GET', `/api/console/conversations/${start.conversationId}`);
    expect(reopened.body).toMatchObject({ state: 'queued', ownerId: null, unreadCount: 1, lastText: 'me again' });
    // The reopening starts the conversation's second episode (docs/metrics.md).
    const { rows } = await withClient(process.env.DATABASE_URL!, (client) =>
      client.query<{ episode: number }>(`SELECT episode FROM "Conversation" WHERE id = $1`, [start.conversationId]),
    );
    expect(rows).toEqual([{ episode: 2 }]);
    const unassigned = await alice.call('GET', '/api/console/conversations?filter=unassigned');
    expect(unassigned.body.items.some((c: { id: string }) => c.id === start.conversationId)).toBe(true);
  });

  it("shows the customer's identity, locale and earlier conversations on the same channel", async () => {
    const user = { id: `returning-${Date.now()}`, name: 'Returning Rita' };
    const earlier = await startDirectLine(user);
    await customerSays(earlier, 'last month', user);
    const now = await startDirectLine(user);
    const posted = await directLine(`/conversations/${now.conversationId}/activities`, {
      method: 'POST',
      auth: now.token,
      body: { type: 'message', from: user, text: 'hello again', locale: 'de-DE' },
    });
    expect(posted.status).toBe(200);
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const profile = await alice.call('GET', `/api/console/conversations/${now.conversationId}/customer`);
    expect(profile.body).toMatchObject({
      channel: 'directline',
      customerId: user.id,
      customerName: 'Returning Rita',
      locale: 'de-DE',
      previousConversations: [{ id: earlier.conversationId, state: 'queued', lastText: 'last month' }],
    });
  });

  it('stores a resent reply (same clientId) once', async () => {
    const start = await startDirectLine();
    await customerSays(start, 'hi');
    const alice = await ConsoleClient.signIn('alice@demo.test');
    await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
    const path = `/api/console/conversations/${start.conversationId}/messages`;
    const [a, b] = await Promise.all([1, 2].map(() => alice.call('POST', path, { text: 'once', clientId: 'same-client-id' })));
    expect(a!.body.id).toBe(b!.body.id);
  });
});

describe('the realtime stream', () => {
  it('delivers a new customer message to a signed-in rep', async () => {
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const start = await startDirectLine({ id: 'u-live', name: 'Live Customer' });
    const received = readEvents('/api/console/events', { Cookie: alice.cookieHeader() }, (messages) =>
      messages.some((m) => m.event === 'console' && m.data.includes('live hello')),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await customerSays(start, 'live hello', { id: 'u-live', name: 'Live Customer' });
    const events = (await received).filter((m) => m.event === 'console').map((m) => JSON.parse(m.data));
    // Routing's events (the offer to a rep) may arrive in the same read, after it.
    expect(events.find((event) => event.type === 'activity.created' && event.conversationId === start.conversationId)).toMatchObject({
      type: 'activity.created',
      conversationId: start.conversationId,
      activity: { text: 'live hello', author: 'customer' },
      conversation: { customerName: 'Live Customer', unreadCount: 1, state: 'queued' },
    });
  });

  it('resumes after a reconnect from the last event id, missing nothing', async () => {
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const start = await startDirectLine();
    await customerSays(start, 'before the gap');
    const first = await readEvents('/api/console/events?after=0', { Cookie: alice.cookieHeader() }, (messages) =>
      messages.some((m) => m.data.includes('before the gap')),
    );
    const lastId = first.filter((m) => m.event === 'console').at(-1)!.id!;

    // While disconnected: three more messages.
    for (const text of ['gap 1', 'gap 2', 'gap 3']) await customerSays(start, text);

    // The catch-up may end (`ready`) before the hub has read the newest events (it waits at gaps
    // left by other transactions); they follow live. What matters: all three, once, in order.
    const resumed = await readEvents('/api/console/events', { Cookie: alice.cookieHeader(), 'Last-Event-ID': lastId }, (messages) =>
      messages.some((m) => m.event === 'console' && m.data.includes('gap 3')),
    );
    const texts = resumed
      .filter((m) => m.event === 'console')
      .map((m) => JSON.parse(m.data))
      .filter((e) => e.conversationId === start.conversationId)
      .map((e) => e.activity?.text);
    expect(texts).toEqual(['gap 1', 'gap 2', 'gap 3']);
    const ids = resumed.filter((m) => m.event === 'console').map((m) => BigInt(m.id!));
    expect(ids.every((id, index) => id > BigInt(lastId) && (index === 0 || id > ids[index - 1]!))).toBe(true);
  });
});
