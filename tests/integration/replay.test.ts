// Every inbound protocol replayed three times at once: stored once, and every replay answered with
// the original (webhooks retry, clients resend, networks duplicate).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { directLine, startDirectLine } from '../support/clients';
import { TEST_CONNECTOR_TOKEN } from '../support/fake-identity';
import { postToBot, teamsChat } from '../support/teams';
import { baseUrl } from '../support/test-env';

const thrice = <T>(send: () => Promise<T>) => Promise.all([send(), send(), send()]);

async function messagesIn(conversationId: string): Promise<number> {
  return db().activity.count({ where: { conversationId, direction: 'inbound', type: 'message' } });
}

describe('replayed three times at once, stored once', () => {
  it('Direct Line: the same clientActivityID', async () => {
    const user = { id: `replay-dl-${Date.now()}`, name: 'Replay DL' };
    const start = await startDirectLine(user);
    const body = { type: 'message', from: user, text: 'once please', channelData: { clientActivityID: randomUUID() } };
    const answers = await thrice(() => directLine(`/conversations/${start.conversationId}/activities`, { method: 'POST', auth: start.token, body }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await messagesIn(start.conversationId)).toBe(1);
  });

  it('Bot Framework channels (Teams): the same activity id', async () => {
    const chat = teamsChat('https://smba.example.test/amer/');
    const message = chat.activity({ text: 'teams once' });
    const answers = await thrice(() => postToBot(message));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const conversation = await db().conversation.findFirstOrThrow({ where: { externalId: chat.conversationId } });
    expect(await messagesIn(conversation.id)).toBe(1);
  });

  it('Connector API: the same activity id on a conversation', async () => {
    const call = (route: string, body: unknown) =>
      fetch(`${baseUrl()}${route}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { id: string } }));
    const created = await call('/v3/conversations', { bot: { id: 'bot' }, members: [{ id: `replay-user-${Date.now()}`, name: 'Replay Connector' }], isGroup: false });
    expect(created.status).toBeLessThan(300);
    const activity = { type: 'message', id: `client-${randomUUID()}`, from: { id: 'replay-user', name: 'Replay Connector' }, text: 'connector once' };
    const answers = await thrice(() => call(`/v3/conversations/${encodeURIComponent(created.body.id)}/activities`, activity));
    expect(answers.every((a) => a.status < 300)).toBe(true);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const conversation = await db().conversation.findFirstOrThrow({ where: { OR: [{ id: created.body.id }, { externalId: created.body.id }] } });
    expect(await db().activity.count({ where: { conversationId: conversation.id, text: 'connector once' } })).toBe(1);
  });

  it('Event Grid (WhatsApp through ACS): the same event id', async () => {
    const [base] = JSON.parse(readFileSync(path.resolve('tests/fixtures/acs-advanced-message-received.text.json'), 'utf8')) as Record<string, unknown>[];
    const phone = `1555${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
    const event = { ...base, id: randomUUID(), data: { ...(base!.data as object), from: phone } };
    const answers = await thrice(() =>
      fetch(`${baseUrl()}/api/eventgrid/acs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' },
        body: JSON.stringify([event]),
      }).then((response) => response.status),
    );
    expect(answers).toEqual([200, 200, 200]);
    const conversation = await db().conversation.findFirstOrThrow({ where: { customerId: phone } });
    expect(await messagesIn(conversation.id)).toBe(1);
  });
});
