// Episodes and their figures (docs/metrics.md), driven over Direct Line and the console API. Time
// passes by `Clock#elapse`: it moves this test's own conversation's stored times back, as if the next
// step came that many seconds later. Each figure between two steps is then bounded by the clock:
// at least from the end of the first step's call to the start of the second's, at most from the
// start of the first to the end of the second (both plus the seconds elapsed in between).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, directLine, startDirectLine, type DirectLineStart } from '../support/clients';
import { csvCellsOf, parseCsv } from '../support/csv';
import { withClient } from '../support/scratch-db';
import { openConsole } from '../support/sse';
import { waitUntil } from '../support/wait-until';

const startedAt = new Date(Date.now() - 3_600_000).toISOString();
let period: string;

let alice: ConsoleClient;
let bob: ConsoleClient;
let sam: ConsoleClient;
let general: string;
let bobId: string;

const sql = <T extends object = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  withClient(process.env.DATABASE_URL!, async (client) => (await client.query<T>(text, values)).rows);

/** Moves a conversation's stored times `seconds` back: its next step happens that much later. */
async function moveBack(conversationId: string, seconds: number) {
  const back = `"%s" = "%s" - make_interval(secs => ${seconds})`;
  const shift = (...columns: string[]) => columns.map((column) => back.replaceAll('%s', column)).join(', ');
  await sql(`UPDATE "Episode" SET ${shift('queuedAt', 'acceptedAt', 'firstResponseAt', 'closedAt')} WHERE "conversationId" = $1`, [conversationId]);
  await sql(`UPDATE "EpisodeResponse" SET ${shift('respondedAt')} WHERE "episodeId" IN (SELECT id FROM "Episode" WHERE "conversationId" = $1)`, [conversationId]);
  await sql(`UPDATE "Activity" SET ${shift('createdAt')} WHERE "conversationId" = $1`, [conversationId]);
}

/** One conversation's time: real time plus the seconds its stored times were moved back so far. */
class Clock {
  private moved = 0;
  private readonly marks = new Map<string, { start: number; end: number }>();
  constructor(private readonly move: (seconds: number) => Promise<unknown>) {}

  private now(): number {
    return Date.now() / 1000 + this.moved;
  }

  /** Runs a step (one call) and notes when it ran. */
  async step<T>(name: string, action: () => Promise<T>): Promise<T> {
    const start = this.now();
    const result = await action();
    this.marks.set(name, { start, end: this.now() });
    return result;
  }

  async elapse(seconds: number): Promise<void> {
    await this.move(seconds);
    this.moved += seconds;
  }

  /** The bounds of a figure from step `from` to step `to`, in seconds. */
  span(from: string, to: string): { min: number; max: number } {
    const [a, b] = [this.marks.get(from)!, this.marks.get(to)!];
    return { min: b.start - a.end, max: b.end - a.start };
  }

  /** Asserts that `value` (seconds, to the millisecond) lies within the span. */
  expectSpan(value: unknown, from: string, to: string): void {
    within(value, this.span(from, to));
  }
}

function within(value: unknown, bounds: { min: number; max: number }) {
  expect(value).toBeTypeOf('number');
  expect(value as number).toBeGreaterThanOrEqual(bounds.min - 0.001);
  expect(value as number).toBeLessThanOrEqual(bounds.max + 0.001);
}

const path = (id: string) => `/api/console/conversations/${id}`;
let sent = 0;
async function say(agent: ConsoleClient, conversationId: string, text: string, note = false) {
  const response = await agent.call('POST', `${path(conversationId)}/messages`, { text, note, clientId: `report-msg-${++sent}` });
  expect(response.status).toBe(201);
}
async function ok(agent: ConsoleClient, conversationId: string, command: string, body: unknown = {}) {
  const response = await agent.call('POST', `${path(conversationId)}/${command}`, body);
  expect(response.status, `${command}: ${JSON.stringify(response.body)}`).toBe(200);
}

type Row = Record<string, unknown> & { conversationId: string; episode: number };

async function episodes(query = ''): Promise<Row[]> {
  const response = await sam.call('GET', `/api/console/reports/conversations?${period}${query}`);
  expect(response.status).toBe(200);
  return response.body.items as Row[];
}
const episodeOf = (rows: Row[], conversationId: string, episode = 1) => rows.find((r) => r.conversationId === conversationId && r.episode === episode)!;

const customer = { id: 'report-doe', name: 'Doe, "Jo"' };
let normal: DirectLineStart;
let transferred: DirectLineStart;
let abandoned: DirectLineStart;
const clocks: Record<'normal' | 'transferred', Clock> = {} as never;

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  bob = await ConsoleClient.signIn('bob@demo.test');
  sam = await ConsoleClient.signIn('sam@demo.test');
  const directory = (await alice.call('GET', '/api/console/directory')).body;
  general = directory.queues.find((q: { name: string }) => q.name === 'General').id;
  bobId = directory.agents.find((a: { displayName: string }) => a.displayName === 'Bob').id;

  // A normal episode, with a note before the first reply, and next responses; then a reopen.
  normal = await startDirectLine(customer);
  const n = (clocks.normal = new Clock((seconds) => moveBack(normal.conversationId, seconds)));
  const id = normal.conversationId;
  await n.step('hi', () => customerSays(normal, 'hi', customer));
  await n.elapse(30);
  await n.step('accept', () => ok(alice, id, 'accept'));
  await n.elapse(10);
  await n.step('note', () => say(alice, id, 'a note, not a response', true));
  await n.elapse(15);
  await n.step('hello', () => say(alice, id, 'Hello!'));
  await n.elapse(20);
  await n.step('more', () => customerSays(normal, 'one more thing', customer));
  await n.elapse(12);
  await n.step('sure', () => say(alice, id, 'Sure.'));
  await say(alice, id, 'Anything else?');
  await n.step('yes', () => customerSays(normal, 'yes', customer));
  await n.elapse(20);
  await customerSays(normal, 'this', customer);
  await n.elapse(3);
  await n.step('done', () => say(alice, id, 'Done.'));
  await n.elapse(60);
  await n.step('close', () => ok(alice, id, 'close'));
  await n.elapse(100);
  await n.step('back', () => customerSays(normal, 'back again', customer));
  await n.elapse(8);
  await n.step('accept again', () => ok(bob, id, 'accept'));
  await n.step('welcome', () => say(bob, id, 'Welcome back'));
  await ok(bob, id, 'close');

  // A transfer to the queue: the wait runs from the first entry to the first acceptance.
  const other = { id: 'report-transfer', name: 'Transferred' };
  transferred = await startDirectLine(other);
  const t = (clocks.transferred = new Clock((seconds) => moveBack(transferred.conversationId, seconds)));
  await t.step('help', () => customerSays(transferred, 'help', other));
  await t.elapse(12);
  await t.step('accept', () => ok(alice, transferred.conversationId, 'accept'));
  await t.elapse(10);
  await t.step('transfer', () => ok(alice, transferred.conversationId, 'transfer', { queueId: general }));
  await t.elapse(40);
  await t.step('accept again', () => ok(bob, transferred.conversationId, 'accept'));
  await t.step('reply', () => say(bob, transferred.conversationId, 'I have it now'));
  await t.elapse(5);
  await t.step('close', () => ok(bob, transferred.conversationId, 'close'));

  // Abandoned: the customer leaves before anyone accepts.
  const leaving = { id: 'report-leaving', name: 'Leaving' };
  abandoned = await startDirectLine(leaving);
  await customerSays(abandoned, 'anyone?', leaving);
  await moveBack(abandoned.conversationId, 25);
  const left = await directLine(`/conversations/${abandoned.conversationId}/activities`, {
    method: 'POST',
    auth: abandoned.token,
    body: { type: 'endOfConversation', from: leaving, code: 'userCancelled' },
  });
  expect(left.status).toBe(200);
  await waitUntil(async () => (await sam.call('GET', path(abandoned.conversationId))).body.state === 'closed', 10_000, 'abandoned closes');

  period = `from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
}, 120_000);

afterAll(async () => {
  await alice?.call('PUT', '/api/console/me/presence', { presence: 'offline' });
  await db().$disconnect();
});

describe('episodes', () => {
  it('a normal episode: wait, first response (a note does not count), next responses, handle, messages', async () => {
    const row = episodeOf(await episodes(), normal.conversationId);
    expect(row).toMatchObject({
      source: 'first_message',
      channel: 'directline',
      queue: 'General',
      customer: 'Doe, "Jo"',
      agent: 'Alice',
      customerMessages: 4,
      agentMessages: 4,
      transfers: 0,
      consults: 0,
      botHandled: false,
      abandoned: false,
      nextResponses: 2,
    });
    const n = clocks.normal;
    n.expectSpan(row.waitSeconds, 'hi', 'accept');
    // From the first message to the first public reply: the note 25 s earlier does not count.
    n.expectSpan(row.firstResponseSeconds, 'hi', 'hello');
    expect(row.firstResponseSeconds as number).toBeGreaterThanOrEqual(55);
    // "Sure." answers "one more thing" (12 s); "Done." answers "yes", the earliest unanswered (23 s), not "this" (3 s).
    const [first, second] = [n.span('more', 'sure'), n.span('yes', 'done')];
    within(row.nextResponseMaxSeconds, second);
    within(row.nextResponseMeanSeconds, { min: (first.min + second.min) / 2, max: (first.max + second.max) / 2 });
    n.expectSpan(row.handleSeconds, 'accept', 'close');
  });

  it('a reopen is a second episode of the same conversation', async () => {
    const rows = await episodes();
    const second = episodeOf(rows, normal.conversationId, 2);
    expect(second).toMatchObject({ source: 'reopen', agent: 'Bob', customerMessages: 1, agentMessages: 1, nextResponses: 0, abandoned: false });
    clocks.normal.expectSpan(second.waitSeconds, 'back', 'accept again');
    clocks.normal.expectSpan(second.firstResponseSeconds, 'back', 'welcome');
    expect(new Date(second.queuedAt as string).getTime()).toBeGreaterThan(new Date(episodeOf(rows, normal.conversationId).closedAt as string).getTime());
  });

  it('a transfer counts once and does not restart the wait; the agent is who had it at close', async () => {
    const row = episodeOf(await episodes(), transferred.conversationId);
    expect(row).toMatchObject({ transfers: 1, agent: 'Bob', abandoned: false, customerMessages: 1, agentMessages: 1 });
    const t = clocks.transferred;
    t.expectSpan(row.waitSeconds, 'help', 'accept');
    expect(row.waitSeconds as number).toBeLessThan(20);
    t.expectSpan(row.firstResponseSeconds, 'help', 'reply');
    t.expectSpan(row.handleSeconds, 'accept', 'close');
  });

  it('closed before anyone accepted: abandoned, with no wait, response or handle time', async () => {
    const row = episodeOf(await episodes(), abandoned.conversationId);
    expect(row).toMatchObject({ abandoned: true, acceptedAt: null, waitSeconds: null, firstResponseSeconds: null, handleSeconds: null, agent: null });
    expect(new Date(row.closedAt as string).getTime() - new Date(row.queuedAt as string).getTime()).toBeGreaterThanOrEqual(25_000);
  });

  it('filters by queue, channel and agent', async () => {
    const all = await episodes();
    expect(all).toHaveLength(4);
    expect(await episodes(`&queue=${general}`)).toHaveLength(4);
    expect(await episodes('&channel=teams')).toHaveLength(0);
    const bobs = await episodes(`&agent=${bobId}`);
    expect(bobs.map((r) => [r.conversationId, r.episode]).sort()).toEqual(
      [[normal.conversationId, 2], [transferred.conversationId, 1]].sort(),
    );
  });
});

describe('the CSV export', () => {
  it('has the contract columns, quotes a name with a comma and a quote, and agrees with the JSON rows', async () => {
    const response = await fetch(sam.url(`/api/console/reports/conversations.csv?${period}`), { headers: { Cookie: sam.cookieHeader() } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text).toContain('"Doe, ""Jo"""');
    const [header, ...lines] = parseCsv(text);
    for (const column of ['conversation_id', 'episode', 'channel', 'queue', 'customer', 'agent', 'queued_at', 'accepted_at', 'first_response_at',
      'closed_at', 'wait_seconds', 'first_response_seconds', 'handle_seconds', 'customer_messages', 'agent_messages', 'transfers', 'bot_handled',
      'consults', 'abandoned', 'next_response_mean_seconds']) {
      expect(header).toContain(column);
    }
    const json = await episodes();
    expect(lines).toHaveLength(json.length);
    for (const { key, index, column, actual, expected } of csvCellsOf(header!, lines, json)) {
      expect(column, key).toBeGreaterThanOrEqual(0);
      expect(actual, `${key} of row ${index}`).toBe(expected);
    }
  });
});

describe('the summary', () => {
  it('aggregates over episodes (counts, median, p90, service level), per queue, per agent and per day', async () => {
    const response = await sam.call('GET', `/api/console/reports/summary?${period}&bucket=hour`);
    expect(response.status).toBe(200);
    const summary = response.body;
    const rows = await episodes();
    const waits = rows.flatMap((r) => (r.waitSeconds === null ? [] : [r.waitSeconds as number])).sort((a, b) => a - b);
    expect(summary.overall).toMatchObject({ episodes: 4, abandoned: 1 });
    expect(summary.overall.wait.count).toBe(3);
    expect(summary.overall.wait.median).toBeCloseTo(waits[1]!, 2);
    // percentile_cont: p90 of three values lies 80% of the way from the second to the third.
    expect(summary.overall.wait.p90).toBeCloseTo(waits[1]! + 0.8 * (waits[2]! - waits[1]!), 2);
    expect(summary.overall.wait.mean).toBeCloseTo(waits.reduce((a, b) => a + b, 0) / 3, 2);
    // Within 20 s: the reopen (8 s) and the transfer (12 s); the first (30 s) and the abandoned one are not.
    expect(summary.serviceLevelSeconds).toBe(20);
    expect(summary.overall.serviceLevel).toBe(0.5);
    expect(summary.overall.nextResponse.count).toBe(2);
    expect(summary.overall.firstResponse.count).toBe(3);

    expect(summary.queues).toEqual([expect.objectContaining({ queueId: general, queueName: 'General', episodes: 4 })]);
    const bobFigures = summary.agents.find((a: { agentName: string }) => a.agentName === 'Bob');
    expect(bobFigures).toMatchObject({ agentId: bobId, episodes: 2, abandoned: 0 });
    const aliceFigures = summary.agents.find((a: { agentName: string }) => a.agentName === 'Alice');
    expect(aliceFigures).toMatchObject({ episodes: 1, nextResponse: { count: 2 } });
    const seriesTotal = summary.series.reduce((sum: number, bucket: { episodes: number }) => sum + bucket.episodes, 0);
    expect(seriesTotal).toBe(4);
  });

  it('counts time in each presence per agent', async () => {
    const aliceChanges = `"agentId" = (SELECT id FROM "Agent" WHERE email = 'alice@demo.test')`;
    const clock = new Clock((seconds) => sql(`UPDATE "PresenceChange" SET at = at - make_interval(secs => ${seconds}) WHERE ${aliceChanges}`));
    await clock.step('away', () => alice.call('PUT', '/api/console/me/presence', { presence: 'away' }));
    await clock.elapse(90);
    await clock.step('busy', () => alice.call('PUT', '/api/console/me/presence', { presence: 'busy' }));
    const to = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    const summary = await clock.step('report', async () => (await sam.call('GET', `/api/console/reports/summary?from=${encodeURIComponent(startedAt)}&to=${to}`)).body);
    const figures = summary.agents.find((a: { agentName: string }) => a.agentName === 'Alice');
    clock.expectSpan(figures.presenceSeconds.away, 'away', 'busy');
    expect(figures.presenceSeconds.away).toBeGreaterThanOrEqual(90);
    // Busy from its change until the report was asked for.
    within(figures.presenceSeconds.busy, { min: 0, max: clock.span('busy', 'report').max });
  });
});

describe('who may see reports, and bad periods', () => {
  it('agents get 403 on every report', async () => {
    for (const report of ['conversations', 'conversations.csv', 'summary']) {
      const response = await alice.call('GET', `/api/console/reports/${report}?${period}`);
      expect(response.status, report).toBe(403);
      expect(response.body.error.code).toBe('SupervisorsOnly');
    }
  });

  it('answers a bad period with 400 and a code', async () => {
    const cases: [string, string][] = [
      ['', 'BadPeriod'],
      ['from=yesterday&to=2026-12-01T00:00:00Z', 'BadPeriod'],
      ['from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'BadPeriod'],
      ['from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z', 'BadPeriod'],
      ['from=2025-01-01&to=2026-12-01', 'PeriodTooLong'],
    ];
    for (const [query, code] of cases) {
      for (const report of ['conversations', 'summary']) {
        const response = await sam.call('GET', `/api/console/reports/${report}?${query}`);
        expect(response.status, `${report}?${query}`).toBe(400);
        expect(response.body.error.code, `${report}?${query}`).toBe(code);
      }
    }
    const csv = await fetch(sam.url('/api/console/reports/conversations.csv?from=x&to=y'), { headers: { Cookie: sam.cookieHeader() } });
    expect(csv.status).toBe(400);
    expect((await csv.json()).error.code).toBe('BadPeriod');
    expect((await sam.call('GET', `/api/console/reports/summary?${period}&bucket=week`)).status).toBe(400);
  });
});

describe('offers per agent', () => {
  it('counts the offers an agent took, declined and let time out; an accepted transfer to them counts once', async () => {
    const bobConsole = await openConsole(bob);
    try {
      const who = { id: 'report-offers', name: 'Offers' };
      const start = await startDirectLine(who);
      await customerSays(start, 'please transfer me', who);
      await ok(alice, start.conversationId, 'accept');
      const offerToBob = async () => {
        await ok(alice, start.conversationId, 'transfer', { agentId: bobId });
        const offers = (await bob.call('GET', '/api/console/offers')).body.items as { id: string }[];
        expect(offers).toHaveLength(1);
        return offers[0]!.id;
      };
      expect((await bob.call('POST', `/api/console/offers/${await offerToBob()}/decline`, {})).status).toBe(200);
      // Time out: the offer's deadline moves into the past; routing's tick expires it.
      const late = await offerToBob();
      await sql(`UPDATE "Offer" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [late]);
      await waitUntil(async () => (await sql<{ state: string }>(`SELECT state FROM "Offer" WHERE id = $1`, [late]))[0]?.state === 'expired', 10_000, 'the offer expires');
      expect((await bob.call('POST', `/api/console/offers/${await offerToBob()}/accept`, {})).status).toBe(200);

      const now = `from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
      const summary = (await sam.call('GET', `/api/console/reports/summary?${now}`)).body;
      expect(summary.agents.find((a: { agentName: string }) => a.agentName === 'Bob').offers).toEqual({ taken: 1, declined: 1, timedOut: 1 });
      const rows = (await sam.call('GET', `/api/console/reports/conversations?${now}`)).body.items as Row[];
      expect(episodeOf(rows, start.conversationId)).toMatchObject({ transfers: 1, agent: 'Bob', closedAt: null, customerMessages: 1 });
    } finally {
      bobConsole.close();
    }
  });
});
