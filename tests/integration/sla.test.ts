// SLA targets per queue (docs/metrics.md "SLA"): an admin sets them through the queue settings, a
// Direct Line customer writes, the conversation shows its clock, the routing tick records the
// warning and the breach once and pushes them on the console stream, and the report counts the
// episodes answered within their target.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, directLine, startDirectLine, type DirectLineStart } from '../support/clients';
import { readEvents } from '../support/sse';
import { waitUntil } from '../support/wait-until';

let alice: ConsoleClient;
let ada: ConsoleClient;
let sam: ConsoleClient;
let generalId: string;
const startedAt = new Date(Date.now() - 60_000).toISOString();
let breachedId: string;

const setTargets = (body: Record<string, unknown>) => ada.call('PATCH', `/api/console/admin/queues/${generalId}`, body);
const summaryOf = async (id: string) => (await alice.call('GET', `/api/console/conversations/${id}`)).body;
const episodeOf = (conversationId: string) => db().episode.findFirstOrThrow({ where: { conversationId }, orderBy: { number: 'desc' } });
const alertsOf = (conversationId: string) => db().event.findMany({ where: { conversationId, type: 'sla.alert' }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  ada = await ConsoleClient.signIn('ada@demo.test');
  sam = await ConsoleClient.signIn('sam@demo.test');
  const queues = (await ada.call('GET', '/api/console/admin/queues')).body.items as { id: string; name: string; firstResponseTargetSeconds: number | null }[];
  const general = queues.find((queue) => queue.name === 'General')!;
  expect(general.firstResponseTargetSeconds).toBeNull();
  generalId = general.id;
});
afterAll(() => db().$disconnect());

function post(start: DirectLineStart, user: { id: string; name: string }, text: string) {
  return directLine(`/conversations/${start.conversationId}/activities`, {
    method: 'POST',
    auth: start.token,
    body: { type: 'message', from: user, text, locale: 'en-US', channelData: { clientActivityID: `wc-${randomUUID()}` } },
  });
}

/** A Web Chat customer starts a conversation and writes. */
async function customerWrites(text: string) {
  const user = { id: `dl-${randomUUID().slice(0, 8)}`, name: 'Dana' };
  const start = await startDirectLine(user);
  expect((await post(start, user, text)).status).toBe(200);
  return { start, user, id: start.conversationId };
}

async function repAnswers(id: string, text: string) {
  expect((await alice.call('POST', `/api/console/conversations/${id}/accept`, {})).status).toBe(200);
  const sent = await alice.call('POST', `/api/console/conversations/${id}/messages`, { text, clientId: `c-${randomUUID()}` });
  expect(sent.status).toBe(201);
}

const msBetween = (a: string | Date, b: string | Date) => new Date(a).getTime() - new Date(b).getTime();

describe('SLA targets', () => {
  it('refuses targets out of bounds or of the wrong type with a 400, and changes nothing', async () => {
    for (const body of [
      { firstResponseTargetSeconds: 0 },
      { firstResponseTargetSeconds: -5 },
      { nextResponseTargetSeconds: 1.5 },
      { firstResponseTargetSeconds: '60' },
      { firstResponseTargetSeconds: 30 * 24 * 3600 + 1 },
      { slaWarningShare: 0.5 },
      {},
    ]) {
      const answer = await setTargets(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const unknown = await ada.call('PATCH', `/api/console/admin/queues/${randomUUID()}`, { firstResponseTargetSeconds: 60 });
    expect(unknown.status).toBe(404);
    expect((await db().queue.findUniqueOrThrow({ where: { id: generalId } })).firstResponseTargetSeconds).toBeNull();
    // Only administrators set them.
    expect((await alice.call('PATCH', `/api/console/admin/queues/${generalId}`, { firstResponseTargetSeconds: 60 })).status).toBe(403);
  });

  it('a first response not given within the target: the clock shows, the warning and the breach are recorded once and pushed live', async () => {
    const set = await setTargets({ firstResponseTargetSeconds: 2 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ firstResponseTargetSeconds: 2, nextResponseTargetSeconds: null, surveyEnabled: false });

    const live = readEvents(
      '/api/console/events',
      { Cookie: alice.cookieHeader() },
      (messages) => messages.some((m) => m.data.includes('"type":"sla.alert"') && m.data.includes('"level":"breached"')),
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { id, start, user } = await customerWrites('Where is my refund?');
    breachedId = id;

    const summary = await waitUntil(async () => {
      const s = await summaryOf(id);
      return s.slaDueAt ? s : undefined;
    }, 10_000, 'the SLA clock');
    const episode = await episodeOf(id);
    expect(summary.slaKind).toBe('first');
    // No calendar: always open, so the due instant is the queue entry plus the target.
    expect(msBetween(summary.slaDueAt, episode.queuedAt)).toBe(2000);
    expect(msBetween(summary.slaWarnAt, episode.queuedAt)).toBe(1600);
    // The ingest statement builds the summary in SQL: its event carries the same clock.
    const more = await post(start, user, 'Hello?');
    expect(more.status).toBe(200);
    const ingested = await db().event.findFirstOrThrow({ where: { conversationId: id, type: 'activity.created' }, orderBy: { id: 'desc' } });
    expect((ingested.payload as { activity: { text: string } }).activity.text).toBe('Hello?');
    expect((ingested.payload as { conversation: unknown }).conversation).toMatchObject({ slaKind: 'first', slaWarnAt: summary.slaWarnAt, slaDueAt: summary.slaDueAt });

    const alerts = (await live).filter((m) => m.event === 'console').map((m) => JSON.parse(m.data)).filter((e) => e.type === 'sla.alert' && e.conversationId === id);
    expect(alerts.map((e) => e.level)).toEqual(['warning', 'breached']);
    expect(alerts[1]).toMatchObject({ kind: 'first', dueAt: summary.slaDueAt, conversation: { id, slaKind: 'first', slaDueAt: summary.slaDueAt } });
    expect((await episodeOf(id)).firstResponseBreached).toBe(true);

    await repAnswers(id, 'Sorry for the wait, let me look.');
    const answered = await summaryOf(id);
    expect(answered).toMatchObject({ slaKind: null, slaDueAt: null, slaWarnAt: null });
  });

  it('a first response within the target counts as within SLA; a next response gets its own clock', async () => {
    expect((await setTargets({ firstResponseTargetSeconds: 600, nextResponseTargetSeconds: 900 })).status).toBe(200);
    const { start, user, id } = await customerWrites('Can I change my address?');
    const summary = await waitUntil(async () => {
      const s = await summaryOf(id);
      return s.slaDueAt ? s : undefined;
    }, 10_000, 'the SLA clock');
    expect(msBetween(summary.slaDueAt, (await episodeOf(id)).queuedAt)).toBe(600_000);
    await repAnswers(id, 'Yes, which one?');
    expect(await summaryOf(id)).toMatchObject({ slaKind: null, slaDueAt: null });

    expect((await post(start, user, '12 Long Street')).status).toBe(200);
    const next = await waitUntil(async () => {
      const s = await summaryOf(id);
      return s.slaKind === 'next' ? s : undefined;
    }, 10_000, 'the next-response clock');
    const message = await db().activity.findFirstOrThrow({ where: { conversationId: id, direction: 'inbound', text: '12 Long Street' } });
    expect(msBetween(next.slaDueAt, message.createdAt)).toBe(900_000);

    const episode = await episodeOf(id);
    expect(episode).toMatchObject({ firstResponseBreached: false });
    expect(episode.firstResponseAt!.getTime()).toBeLessThanOrEqual(episode.firstResponseDueAt!.getTime());

    const to = new Date(Date.now() + 60_000).toISOString();
    const report = await sam.call('GET', `/api/console/reports/summary?from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(to)}`);
    expect(report.status).toBe(200);
    // Two episodes with a first-response target: one breached, one answered in time.
    expect(report.body.overall.withinSla).toBe(0.5);
    const general = report.body.queues.find((q: { queueId: string }) => q.queueId === generalId);
    expect(general.withinSla).toBe(0.5);

    // The breach of the first conversation stayed one event, however many ticks ran since.
    expect((await alertsOf(breachedId)).map((e) => (e.payload as { level: string }).level)).toEqual(['warning', 'breached']);
    expect(await db().slaEvent.count({ where: { episode: { conversationId: breachedId } } })).toBe(2);
  });
});
