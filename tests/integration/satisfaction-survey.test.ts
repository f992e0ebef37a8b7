// The satisfaction survey (CONTRACT.md "Satisfaction survey"), driven the way each channel really
// carries it: a rep ends the conversation in the console, the channel gets the survey in its own
// form (Direct Line's transcript, Teams' serviceUrl, ACS, a custom channel's webhook), the customer
// answers as that channel sends answers, and the console shows the rating without reopening.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, directLine, startDirectLine, type DirectLineStart } from '../support/clients';
import { createCustomChannel, relayedConversation } from '../support/custom-channel-setup';
import type { AcsRequest } from '../support/fake-acs';
import { FakeChannel } from '../support/fake-channel';
import { readEvents } from '../support/sse';
import { postToBot, teamsChat } from '../support/teams';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

const CARD = 'application/vnd.microsoft.card.adaptive';
type Card = {
  body: { type: string; id?: string; isRequired?: boolean; errorMessage?: string; choices?: { value: string; title: string }[] }[];
  actions: { type: string; data?: unknown }[];
};
type WireActivity = { id: string; type: string; text?: string; attachments?: { contentType: string; content: Card }[] };

let alice: ConsoleClient;
let ada: ConsoleClient;
let aliceId: string;
let generalId: string;

async function setSurvey(enabled: boolean) {
  const answer = await ada.call('PATCH', `/api/console/admin/queues/${generalId}`, { surveyEnabled: enabled });
  expect(answer.status).toBe(200);
  expect(answer.body.surveyEnabled).toBe(enabled);
}

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  ada = await ConsoleClient.signIn('ada@demo.test');
  const directory = (await alice.call('GET', '/api/console/directory')).body as { agents: { id: string; displayName: string }[] };
  aliceId = directory.agents.find((agent) => agent.displayName === 'Alice')!.id;
  const queues = (await ada.call('GET', '/api/console/admin/queues')).body.items as { id: string; name: string; surveyEnabled: boolean }[];
  const general = queues.find((queue) => queue.name === 'General')!;
  expect(general.surveyEnabled).toBe(false);
  generalId = general.id;
  await setSurvey(true);
});
afterAll(() => db().$disconnect());

/** A Direct Line customer writes (as Web Chat posts it), Alice accepts. */
async function acceptedDirectLine(locale = 'en-US') {
  const user = { id: `dl-${randomUUID().slice(0, 8)}`, name: 'Dana' };
  const start = await startDirectLine(user);
  await post(start, user, { type: 'message', text: 'My parcel is late', locale });
  expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {})).status).toBe(200);
  return { start, user };
}

function post(start: DirectLineStart, user: { id: string; name: string }, activity: Record<string, unknown>) {
  return directLine(`/conversations/${start.conversationId}/activities`, {
    method: 'POST',
    auth: start.token,
    body: { from: user, channelData: { clientActivityID: `wc-${randomUUID()}` }, ...activity },
  });
}

const close = (conversationId: string, body: Record<string, unknown> = {}) => alice.call('POST', `/api/console/conversations/${conversationId}/close`, body);
const surveysOf = (conversationId: string) => db().satisfactionSurvey.findMany({ where: { conversationId } });

function surveyCardsIn(activities: WireActivity[]) {
  return activities.flatMap((activity) => (activity.attachments ?? []).filter((a) => a.contentType === CARD).map((a) => ({ activity, card: a.content })));
}

function expectSurveyCard(card: Card) {
  const choiceSet = card.body.find((element) => element.type === 'Input.ChoiceSet')!;
  expect(choiceSet.id).toBe('rating');
  // Web Chat refuses to render a required input without its error message.
  expect(choiceSet).toMatchObject({ isRequired: true, errorMessage: expect.any(String) });
  expect(choiceSet.choices!.map((choice) => choice.value)).toEqual(['1', '2', '3', '4', '5']);
  expect(card.actions.map((action) => action.type)).toEqual(['Action.Submit']);
}

describe('Direct Line', () => {
  it('ending the conversation sends the card once; the Web Chat answer is stored on the episode, credited to the owner, shown, and does not reopen', async () => {
    const { start, user } = await acceptedDirectLine();
    const id = start.conversationId;
    const episode = (await db().conversation.findUniqueOrThrow({ where: { id } })).episode;
    expect((await close(id)).status).toBe(200);
    // A retried close changes nothing and sends nothing more.
    expect((await close(id)).body.error.code).toBe('ConversationClosed');

    const read = (await directLine(`/conversations/${id}/activities`, { auth: start.token })).body.activities as WireActivity[];
    const surveys = surveyCardsIn(read);
    expect(surveys).toHaveLength(1);
    expectSurveyCard(surveys[0]!.card);
    expect(surveys[0]!.activity).not.toHaveProperty('consoleSurvey');
    expect(surveys[0]!.card.body[0]).toMatchObject({ type: 'TextBlock', text: 'How satisfied are you with the help you got?' });
    // Sent before the end of conversation, which Bot Framework clients may stop reading at.
    expect(read.findIndex((activity) => activity.type === 'endOfConversation')).toBeGreaterThan(read.indexOf(surveys[0]!.activity));
    expect(await surveysOf(id)).toEqual([expect.objectContaining({ episode, ownerId: aliceId, queueId: generalId, rating: null, activityId: expect.any(String) })]);

    const live = readEvents('/api/console/events', { Cookie: alice.cookieHeader() }, (messages) => messages.some((m) => m.data.includes('"surveyAnswer":{')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Web Chat's Action.Submit: a message with `value` (the inputs and the button's data), no text.
    const answered = await post(start, user, { type: 'message', replyToId: surveys[0]!.activity.id, value: { survey: 'satisfaction', rating: '4', comment: 'Quick and kind' } });
    expect(answered.status).toBe(200);

    expect(await surveysOf(id)).toEqual([expect.objectContaining({ episode, ownerId: aliceId, rating: 4, comment: 'Quick and kind', answeredAt: expect.any(Date) })]);
    const conversation = await alice.call('GET', `/api/console/conversations/${id}`);
    expect(conversation.body).toMatchObject({ state: 'closed' });
    expect((await db().conversation.findUniqueOrThrow({ where: { id } })).episode).toBe(episode);
    const transcript = (await alice.call('GET', `/api/console/conversations/${id}/activities`)).body.items as { id: string; author: string; surveyAnswer: unknown }[];
    expect(transcript.at(-1)).toMatchObject({ id: answered.body.id, author: 'customer', surveyAnswer: { rating: 4, comment: 'Quick and kind' } });
    const event = (await live).map((m) => (m.event === 'console' ? JSON.parse(m.data) : null)).find((e) => e?.type === 'activity.created' && e.conversationId === id);
    expect(event).toMatchObject({ activity: { author: 'customer', surveyAnswer: { rating: 4 } }, conversation: { state: 'closed' } });
    const profile = await alice.call('GET', `/api/console/conversations/${id}/customer`);
    expect(profile.body.surveys).toEqual([expect.objectContaining({ episode, rating: 4, comment: 'Quick and kind' })]);

    // A change of mind within the week replaces the rating; anything else the customer writes reopens as before.
    expect((await post(start, user, { type: 'message', value: { survey: 'satisfaction', rating: '5' } })).status).toBe(200);
    expect((await surveysOf(id))[0]).toMatchObject({ rating: 5, comment: null });
    // The reports carry the episode's rating: its row (JSON and CSV) and the period's aggregate.
    const period = `from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const reported = (await ada.call('GET', `/api/console/reports/conversations?${period}`)).body.items as { conversationId: string; episode: number; csat: number | null }[];
    expect(reported.find((row) => row.conversationId === id && row.episode === episode)).toMatchObject({ csat: 5, csatComment: null });
    const csv = await fetch(`${baseUrl()}/api/console/reports/conversations.csv?${period}`, { headers: { Cookie: ada.cookieHeader() } }).then((r) => r.text());
    const [header, ...lines] = csv.trim().split('\r\n').map((line) => line.split(','));
    const row = lines.find((cells) => cells[header!.indexOf('conversation_id')] === id && cells[header!.indexOf('episode')] === String(episode));
    expect(row?.[header!.indexOf('csat')]).toBe('5');
    const summary = (await ada.call('GET', `/api/console/reports/summary?${period}`)).body as { overall: { csat: { answers: number; mean: number | null } } };
    expect(summary.overall.csat.answers).toBeGreaterThanOrEqual(1);
    expect(summary.overall.csat.mean).not.toBeNull();
    expect((await post(start, user, { type: 'message', text: 'One more question' })).status).toBe(200);
    expect((await db().conversation.findUniqueOrThrow({ where: { id } })).state).toBe('queued');
    expect((await db().conversation.findUniqueOrThrow({ where: { id } })).episode).toBe(episode + 1);
  });

  it('speaks the customer’s language, and a plain "1"–"5" answers it too', async () => {
    const { start, user } = await acceptedDirectLine('zh-CN');
    expect((await close(start.conversationId)).status).toBe(200);
    const read = (await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token })).body.activities as WireActivity[];
    expect(surveyCardsIn(read)[0]!.card.body[0]).toMatchObject({ text: '您对本次服务满意吗？' });
    expect((await post(start, user, { type: 'message', text: ' 2 ' })).status).toBe(200);
    expect((await surveysOf(start.conversationId))[0]).toMatchObject({ rating: 2 });
    expect((await db().conversation.findUniqueOrThrow({ where: { id: start.conversationId } })).state).toBe('closed');
  });

  it('a supervisor’s force close sends it too, credited to the owner; a replayed answer is stored once', async () => {
    const { start, user } = await acceptedDirectLine();
    const sam = await ConsoleClient.signIn('sam@demo.test');
    expect((await sam.call('POST', `/api/console/conversations/${start.conversationId}/close`, { force: true, note: 'Stale' })).status).toBe(200);
    expect(await surveysOf(start.conversationId)).toEqual([expect.objectContaining({ ownerId: aliceId })]);
    const body = { from: user, type: 'message', value: { rating: '3' }, channelData: { clientActivityID: 'replayed-answer' } };
    const first = await directLine(`/conversations/${start.conversationId}/activities`, { method: 'POST', auth: start.token, body });
    const again = await directLine(`/conversations/${start.conversationId}/activities`, { method: 'POST', auth: start.token, body });
    expect(again.body.id).toBe(first.body.id);
    expect(await db().activity.count({ where: { conversationId: start.conversationId, dedupeKey: { contains: 'replayed-answer' } } })).toBe(1);
  });

  it('with the queue’s survey off, closing sends nothing and a "5" reopens as any message', async () => {
    await setSurvey(false);
    try {
      const { start, user } = await acceptedDirectLine();
      expect((await close(start.conversationId)).status).toBe(200);
      const read = (await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token })).body.activities as WireActivity[];
      expect(surveyCardsIn(read)).toEqual([]);
      expect(await surveysOf(start.conversationId)).toEqual([]);
      expect((await post(start, user, { type: 'message', text: '5' })).status).toBe(200);
      expect((await db().conversation.findUniqueOrThrow({ where: { id: start.conversationId } })).state).toBe('queued');
    } finally {
      await setSurvey(true);
    }
  });

  it('refuses a queue change that is not a boolean, and one for no queue', async () => {
    expect((await ada.call('PATCH', `/api/console/admin/queues/${generalId}`, { surveyEnabled: 'yes' })).status).toBe(400);
    expect((await ada.call('PATCH', `/api/console/admin/queues/${randomUUID()}`, { surveyEnabled: true })).body.error.code).toBe('QueueNotFound');
    expect((await alice.call('PATCH', `/api/console/admin/queues/${generalId}`, { surveyEnabled: false })).status).toBe(403);
  });
});

describe('Teams', () => {
  it('posts the card to the serviceUrl; the Action.Submit message (value, no text) is recorded', async () => {
    const service = await FakeChannel.start();
    try {
      const chat = teamsChat(`${service.url}/amer/`);
      expect((await postToBot(chat.activity({ text: 'Hello from Teams' }))).status).toBe(200);
      const conversation = await waitUntil(() => db().conversation.findFirst({ where: { externalId: chat.conversationId } }).then((row) => row ?? undefined), 5000);
      expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/accept`, {})).status).toBe(200);
      expect((await close(conversation.id)).status).toBe(200);
      await service.waitFor(() => service.requests.some((request) => JSON.stringify(request.body).includes('Input.ChoiceSet')));
      const sent = service.requests.find((request) => JSON.stringify(request.body).includes('Input.ChoiceSet'))!;
      const attachments = sent.body.attachments as { contentType: string; content: Card }[];
      expect(attachments[0]!.contentType).toBe(CARD);
      expectSurveyCard(attachments[0]!.content);

      // Teams' Action.Submit: a message whose `value` holds the inputs, with no text.
      const answer = chat.activity({ value: { survey: 'satisfaction', rating: '3', comment: '' }, replyToId: '1700000000001' });
      expect(answer).not.toHaveProperty('text');
      expect((await postToBot(answer)).status).toBe(200);
      expect(await surveysOf(conversation.id)).toEqual([expect.objectContaining({ rating: 3, comment: null, ownerId: aliceId })]);
      expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).state).toBe('closed');
    } finally {
      await service.stop();
    }
  });
});

describe('WhatsApp', () => {
  const fixture = JSON.parse(readFileSync(path.resolve('tests/fixtures', 'acs-advanced-message-received.text.json'), 'utf8'))[0];
  const deliver = (data: Record<string, unknown>) =>
    fetch(`${baseUrl()}/api/eventgrid/acs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' },
      body: JSON.stringify([{ ...fixture, id: randomUUID(), data: { ...fixture.data, ...data } }]),
    });

  it('sends a list of the five ratings through ACS; the customer’s pick is recorded', async () => {
    const phone = `1555${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
    expect((await deliver({ from: phone, content: 'Hello' })).status).toBe(200);
    const conversation = await waitUntil(() => db().conversation.findFirst({ where: { customerId: phone } }).then((row) => row ?? undefined), 5000);
    expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/accept`, {})).status).toBe(200);
    expect((await close(conversation.id)).status).toBe(200);
    const sent = await waitUntil(async () => {
      const requests = (await (await fetch(`${process.env.TEST_ACS_URL}/test/requests`)).json()) as AcsRequest[];
      return requests.find((request) => request.path === '/messages/notifications:send' && (request.body?.to as string[])[0] === phone && request.body?.kind === 'interactive');
    });
    const action = (sent.body!.interactiveMessage as { action: { kind: string; content: { groups: { items: { id: string; title: string }[] }[] } } }).action;
    expect(action.kind).toBe('whatsAppListAction');
    expect(action.content.groups[0]!.items.map((item) => item.id)).toEqual(['survey:1', 'survey:2', 'survey:3', 'survey:4', 'survey:5']);
    const survey = await surveysOf(conversation.id);
    await waitUntil(() => db().activity.findUnique({ where: { id: survey[0]!.activityId } }).then((row) => row?.deliveryState === 'sent' || undefined));

    // ACS's inbound interactive reply: no content, the list item picked.
    const reply = await deliver({ from: phone, content: null, interactive: { type: 'listReply', listReply: { id: 'survey:5', title: '5 - Very satisfied', description: '' } } });
    expect(reply.status).toBe(200);
    expect(await surveysOf(conversation.id)).toEqual([expect.objectContaining({ rating: 5, ownerId: aliceId })]);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).state).toBe('closed');
  });
});

describe('a custom channel', () => {
  it('gets the card with the prompt as text; a plain digit answers', async () => {
    const receiver = await FakeChannel.start();
    try {
      const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'static-token' });
      const start = await relayedConversation(channel.id, alice);
      expect((await close(start.conversationId)).status).toBe(200);
      await receiver.waitFor(() => receiver.requests.some((request) => Array.isArray(request.body.attachments)));
      const sent = receiver.requests.find((request) => Array.isArray(request.body.attachments))!.body as { text: string; attachments: { contentType: string; content: Card }[] };
      expect(sent.text).toMatch(/number from 1/);
      expectSurveyCard(sent.attachments[0]!.content);
      const user = (await db().conversation.findUniqueOrThrow({ where: { id: start.conversationId } })).customerId!;
      expect((await post(start, { id: user, name: 'Relay Customer' }, { type: 'message', text: '4' })).status).toBe(200);
      expect(await surveysOf(start.conversationId)).toEqual([expect.objectContaining({ rating: 4 })]);
      expect((await db().conversation.findUniqueOrThrow({ where: { id: start.conversationId } })).state).toBe('closed');
    } finally {
      await receiver.stop();
    }
  });
});
