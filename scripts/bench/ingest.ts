// Ingest: Direct Line POST .../activities and Event Grid batches (WhatsApp through ACS) against the
// real app and two baselines (a transaction like the app's, and the barest single INSERT), on the same
// database in the same run. Throughput at full load, latency at a fixed 500 activities/s, and the
// app's memory meanwhile. BENCH_INGEST_SECONDS, BENCH_INGEST_CONVERSATIONS and
// BENCH_INGEST_CONNECTIONS make a short run.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { BENCH_DIRECTLINE_SECRET, startBenchApp } from './app-process';
import { settle } from './checkpoint';
import { startBareInsertServer } from './bare-insert-server';
import { startBaselineServer } from './baseline-server';
import { fixedRate } from './fixed-rate';
import { verdict } from './goals';
import { readRss, watchRss, type MemoryPhase } from './rss';

interface Target {
  id: string;
  token: string;
  userId: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const EVENTS_PER_BATCH = 20;
const BUSINESS_NUMBER = '11111111-1111-1111-1111-111111111111';

type NextRequest = () => { path: string; headers: Record<string, string>; body: string };

function load(url: string, options: { seconds: number; connections: number }, next: NextRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, ...next() }) }],
      },
      (error, result) =>
        error
          ? reject(error)
          : resolve({ requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.non2xx }),
    );
  });
}

function directLineRequests(targets: Target[]): NextRequest {
  let next = 0;
  return () => {
    const target = targets[next++ % targets.length]!;
    return {
      path: `/v3/directline/conversations/${target.id}/activities`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: JSON.stringify({ type: 'message', from: { id: target.userId }, text: 'benchmark message', channelData: { clientActivityID: randomUUID() } }),
    };
  };
}

/** Event Grid schema deliveries of `EVENTS_PER_BATCH` WhatsApp messages from known customers. */
function eventGridRequests(customers: string[]): NextRequest {
  let next = 0;
  return () => ({
    path: '/api/eventgrid/acs',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      Array.from({ length: EVENTS_PER_BATCH }, () => ({
        id: randomUUID(),
        subject: `advancedMessage/sender/${customers[next % customers.length]}/recipient/${BUSINESS_NUMBER}`,
        eventType: 'Microsoft.Communication.AdvancedMessageReceived',
        dataVersion: '1.0',
        eventTime: new Date().toISOString(),
        data: { content: 'benchmark message', channelType: 'whatsapp', from: customers[next++ % customers.length], to: BUSINESS_NUMBER, receivedTimestamp: new Date().toISOString() },
      })),
    ),
  });
}

async function startDirectLineConversations(url: string, count: number): Promise<Target[]> {
  const targets: Target[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_DIRECTLINE_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: `user-${i}` } }),
    });
    const started = (await response.json()) as { conversationId: string; token: string };
    targets.push({ id: started.conversationId, token: started.token, userId: `user-${i}` });
  }
  return targets;
}

interface Comparison {
  app: LoadResult;
  baseline: LoadResult;
  bare: LoadResult;
  appAt500: LoadResult;
  baselineAt500: LoadResult;
  bareAt500: LoadResult;
}

const row = (name: string, r: LoadResult, perRequest = 1) =>
  `| ${name} | ${(r.requestsPerSecond * perRequest).toFixed(0)} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors} |`;

function table(what: string, c: Comparison, connections: number, perRequest = 1): string[] {
  const ratio = (other: LoadResult) => (c.app.requestsPerSecond / other.requestsPerSecond).toFixed(2);
  return [
    `| target | activities/s | p50 (per ${what}) | p99 | errors |`,
    '|---|---|---|---|---|',
    row(`app, ${connections} connections`, c.app, perRequest),
    row(`transaction baseline, ${connections} connections`, c.baseline, perRequest),
    row(`bare single-INSERT server, ${connections} connections`, c.bare, perRequest),
    row('app at 500 activities/s', c.appAt500, perRequest),
    row('transaction baseline at 500 activities/s', c.baselineAt500, perRequest),
    row('bare single-INSERT server at 500 activities/s', c.bareAt500, perRequest),
    '',
    `Ratio app/transaction baseline: **${ratio(c.baseline)}**; app/bare single-INSERT server: **${ratio(c.bare)}**.`,
    '',
  ];
}

/** Issue 20's ingest goals, for Direct Line's one activity per request. */
function goals(c: Comparison): string[] {
  const share = c.app.requestsPerSecond / c.bare.requestsPerSecond;
  return [
    `Goals (issue 20): ≥ 0.6 of the bare server — ${verdict(share >= 0.6, share.toFixed(2))};`,
    `≥ 2,500 activities/s — ${verdict(c.app.requestsPerSecond >= 2500, `${c.app.requestsPerSecond.toFixed(0)}/s; the bare single-INSERT server itself ${c.bare.requestsPerSecond.toFixed(0)}/s in this run`)};`,
    `p99 ≤ 25 ms at 500/s — ${verdict(c.appAt500.p99Ms <= 25, `${c.appAt500.p99Ms} ms; the bare server ${c.bareAt500.p99Ms} ms in this run`)}`,
    '(docs/performance.md, "The tail at a fixed 500 activities/s").',
    '',
  ];
}

export interface IngestOptions {
  conversations: number;
  seconds: number;
  connections: number;
}

/** Issue 20's setting (32 connections on 32 conversations, 10 s), or a shorter run through the environment. */
export function ingestOptions(environment: NodeJS.ProcessEnv = process.env): IngestOptions {
  const number = (name: string, fallback: number) => Number(environment[name] ?? fallback);
  return {
    conversations: number('BENCH_INGEST_CONVERSATIONS', 32),
    seconds: number('BENCH_INGEST_SECONDS', 10),
    connections: number('BENCH_INGEST_CONNECTIONS', 32),
  };
}

export async function benchIngest(databaseUrl: string, options: IngestOptions = ingestOptions()) {
  // The rate limiter on, as the app ships: every request pays for its check. Its allowance is raised
  // only so that Event Grid, one caller from one address, is not turned away at full load.
  const app = await startBenchApp(databaseUrl, { RATE_LIMIT: '1', RATE_LIMIT_PER_MINUTE: '1000000' });
  const baseline = await startBaselineServer(databaseUrl);
  let bare: Awaited<ReturnType<typeof startBareInsertServer>> | null = null;
  try {
    const targets = await startDirectLineConversations(app.url, options.conversations);
    bare = await startBareInsertServer(databaseUrl, new Map(targets.map((target) => [target.id, target.token])));
    const customers = Array.from({ length: options.conversations }, (_, i) => `1555${String(i).padStart(7, '0')}`);
    // Each WhatsApp customer's conversation exists before the measurement, as the Direct Line ones do.
    for (let i = 0; i < customers.length; i += EVENTS_PER_BATCH) {
      const batch = eventGridRequests(customers.slice(i, i + EVENTS_PER_BATCH))();
      await fetch(`${app.url}${batch.path}`, { method: 'POST', headers: batch.headers, body: batch.body });
    }
    const directLine = directLineRequests(targets);
    const eventGrid = eventGridRequests(customers);
    const servers = { app: app.url, baseline: baseline.url, bare: bare.url };
    const compare = async (next: NextRequest, activitiesPerRequest: number): Promise<Comparison> => {
      const at500 = { seconds: options.seconds, connections: 16, rate: 500 / activitiesPerRequest, warmUpSeconds: 2 };
      // Each measured run starts on a settled database, whoever wrote the rows before it.
      const full = async (url: string) => (await settle(databaseUrl), load(url, options, next));
      const steady = async (url: string) => (await settle(databaseUrl), fixedRate(url, at500, next));
      // Warm each up (JIT, connection pools, prepared statements) before measuring.
      for (const url of Object.values(servers)) await load(url, { seconds: 3, connections: options.connections }, next);
      return {
        app: await full(servers.app),
        baseline: await full(servers.baseline),
        bare: await full(servers.bare),
        appAt500: await steady(servers.app),
        baselineAt500: await steady(servers.baseline),
        bareAt500: await steady(servers.bare),
      };
    };
    const idleBytes = readRss(app.pid);
    const rss = watchRss(app.pid);
    const directLineResult = await compare(directLine, 1);
    const eventGridResult = await compare(eventGrid, EVENTS_PER_BATCH);
    const memory: MemoryPhase = { phase: 'ingest (Direct Line, Event Grid)', idleBytes, during: rss.stop() };
    return {
      ratio: directLineResult.app.requestsPerSecond / directLineResult.baseline.requestsPerSecond,
      bareRatio: directLineResult.app.requestsPerSecond / directLineResult.bare.requestsPerSecond,
      memory,
      markdown: [
        '## Ingest: Direct Line POST activities',
        '',
        'The app (token check, rate limit, parse, dedupe key, seq, conversation counters, realtime event with the',
        'conversation summary, NOTIFY) against two bare `node:http` + `pg` servers, same database, same run',
        `(autocannon, ${options.conversations} conversations, ${options.seconds} s per figure): the transaction baseline`,
        'does the equivalent insert (next seq, activity row, in a transaction: four round trips); the bare',
        'single-INSERT server checks the bearer, parses the JSON, runs one `INSERT` of the activity and answers',
        '`{id}`. The app runs with its rate limiter on (allowance raised so that the one Event Grid caller is not',
        'refused; each request pays for the check as shipped). At 500 activities/s the requests go out evenly spread',
        '(one every 2 ms, up to 16 connections, after 2 s at that rate not counted) and each is timed from when it was due, queueing included',
        '(`scripts/bench/fixed-rate.ts`; autocannon’s own rate mode sent bursts and padded its p99).',
        '',
        ...table('request', directLineResult, options.connections),
        ...goals(directLineResult),
        `## Ingest: Event Grid batches (${EVENTS_PER_BATCH} WhatsApp messages each)`,
        '',
        'The same comparison for ACS Advanced Messaging deliveries: the app applies each event once (keyed on its id)',
        'to the customer’s conversation; the transaction baseline stores each event’s activity in its own',
        'transaction; the bare server stores the whole batch in one multi-row `INSERT`. The goals above are',
        'Direct Line’s: a batch’s figures are per 20 activities.',
        '',
        ...table('batch', eventGridResult, options.connections, EVENTS_PER_BATCH),
      ],
    };
  } finally {
    await bare?.close();
    await baseline.close();
    await app.stop();
  }
}
