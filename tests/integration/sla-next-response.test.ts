// Next-response SLA per run of customer messages (docs/metrics.md "SLA targets"): every run of
// unanswered customer messages gets its own clock, warned and breached once however many routing
// ticks pass, and each next response counts as within SLA or not in the report. A Direct Line
// customer writes, a rep answers through the console API.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine, type DirectLineStart } from '../support/clients';
import { parseCsv } from '../support/csv';
import { waitUntil } from '../support/wait-until';

let alice: ConsoleClient;
let ada: ConsoleClient;
let sam: ConsoleClient;
let generalId: string;
const period = new URLSearchParams({ from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() }).toString();

const user = { id: `dl-${randomUUID().slice(0, 8)}`, name: 'Nora' };
let start: DirectLineStart;
let conversationId: string;

const setTargets = (body: Record<string, unknown>) => ada.call('PATCH', `/api/console/admin/queues/${generalId}`, body);
const summary = async () => (await alice.call('GET', `/api/console/conversations/${conversationId}`)).body;
const nextEvents = () =>
  db().slaEvent.findMany({ where: { episode: { conversationId }, kind: 'next' }, orderBy: [{ startedAt: 'asc' }, { level: 'desc' }] });
const responses = () => db().episodeResponse.findMany({ where: { episode: { conversationId } }, orderBy: { id: 'asc' } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answer(text: string) {
  const sent = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text, clientId: `c-${randomUUID()}` });
  expect(sent.status).toBe(201);
}

/** Waits for the next-response clock of the customer's newest message run to start. */
const nextClock = () =>
  waitUntil(async () => {
    const s = await summary();
    return s.slaKind === 'next' ? s : undefined;
  }, 10_000, 'the next-response clock');

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  ada = await ConsoleClient.signIn('ada@demo.test');
  sam = await ConsoleClient.signIn('sam@demo.test');
  const queues = (await ada.call('GET', '/api/console/admin/queues')).body.items as { id: string; name: string }[];
  generalId = queues.find((queue) => queue.name === 'General')!.id;
  expect((await setTargets({ firstResponseTargetSeconds: 600, nextResponseTargetSeconds: 2 })).status).toBe(200);

  start = await startDirectLine(user);
  conversationId = start.conversationId;
  await customerSays(start, 'My parcel never came.', user);
  expect((await alice.call('POST', `/api/console/conversations/${conversationId}/accept`, {})).status).toBe(200);
  await answer('Sorry to hear that, let me check.');
});
afterAll(() => db().$disconnect());

describe('next-response SLA', () => {
  it('warns and breaches once per run of unanswered messages, however many messages and ticks', async () => {
    await customerSays(start, 'Any news?', user);
    const first = await nextClock();
    const firstMessage = await db().activity.findFirstOrThrow({ where: { conversationId, text: 'Any news?' } });
    expect(new Date(first.slaDueAt).getTime() - firstMessage.createdAt.getTime()).toBe(2000);
    await waitUntil(async () => ((await nextEvents()).length === 2 ? true : undefined), 10_000, 'the first breach');
    // More messages in the same run, and more ticks: the clock and its events stay as they were.
    await customerSays(start, 'Hello??', user);
    await pause(2500);
    expect(await nextEvents()).toMatchObject([
      { level: 'warning', startedAt: firstMessage.createdAt },
      { level: 'breached', startedAt: firstMessage.createdAt },
    ]);
    expect((await summary()).slaDueAt).toBe(first.slaDueAt);
    await answer('It is on its way.');
    expect(await summary()).toMatchObject({ slaKind: null, slaDueAt: null });

    // A new run of messages: a clock of its own, warned and breached again.
    await customerSays(start, 'It still is not here.', user);
    const second = await nextClock();
    const secondMessage = await db().activity.findFirstOrThrow({ where: { conversationId, text: 'It still is not here.' } });
    expect(new Date(second.slaDueAt).getTime() - secondMessage.createdAt.getTime()).toBe(2000);
    await waitUntil(async () => ((await nextEvents()).length === 4 ? true : undefined), 10_000, 'the second breach');
    await pause(1500);
    const events = await nextEvents();
    expect(events.map((e) => [e.level, e.startedAt.toISOString()])).toEqual([
      ['warning', firstMessage.createdAt.toISOString()],
      ['breached', firstMessage.createdAt.toISOString()],
      ['warning', secondMessage.createdAt.toISOString()],
      ['breached', secondMessage.createdAt.toISOString()],
    ]);
    const alerts = await db().event.findMany({ where: { conversationId, type: 'sla.alert' }, orderBy: { id: 'asc' } });
    expect(alerts.map((e) => [(e.payload as { kind: string }).kind, (e.payload as { level: string }).level])).toEqual([
      ['next', 'warning'],
      ['next', 'breached'],
      ['next', 'warning'],
      ['next', 'breached'],
    ]);
    await answer('A new one is on its way.');
  });

  it('reports each next response within its target or not: summary, JSON rows and CSV', async () => {
    expect((await setTargets({ nextResponseTargetSeconds: 900 })).status).toBe(200);
    await customerSays(start, 'Thanks, and the invoice?', user);
    await nextClock();
    await answer('Attached to your account.');

    const given = await responses();
    expect(given.map((r) => r.withinSla)).toEqual([false, false, true]);

    const report = await sam.call('GET', `/api/console/reports/summary?${period}`);
    expect(report.status).toBe(200);
    expect(report.body.overall.nextResponse.count).toBe(3);
    expect(report.body.overall.nextResponseWithinSla).toBeCloseTo(1 / 3, 6);
    const general = report.body.queues.find((q: { queueId: string }) => q.queueId === generalId);
    expect(general.nextResponseWithinSla).toBeCloseTo(1 / 3, 6);
    // The first response came in time: the first-response figure is its own.
    expect(report.body.overall.withinSla).toBe(1);

    const rows = (await sam.call('GET', `/api/console/reports/conversations?${period}`)).body.items as Record<string, unknown>[];
    expect(rows.find((r) => r.conversationId === conversationId)).toMatchObject({ nextResponses: 3, nextResponsesWithinSla: 1 });
    const csv = await fetch(sam.url(`/api/console/reports/conversations.csv?${period}`), { headers: { Cookie: sam.cookieHeader() } });
    const [header, ...lines] = parseCsv(await csv.text());
    const line = lines.find((l) => l[header!.indexOf('conversation_id')] === conversationId)!;
    expect(line[header!.indexOf('next_responses_within_sla')]).toBe('1');
  });
});
