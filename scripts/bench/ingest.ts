// Ingest: Direct Line POST .../activities and Event Grid batches (WhatsApp through ACS) against the
// real app and against the bare baseline, on the same database in the same run. Throughput at full
// load, latency at a fixed 500 requests/s, and the app's memory meanwhile.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { BENCH_DIRECTLINE_SECRET, startBenchApp } from './app-process';
import { startBaselineServer } from './baseline-server';
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

function load(url: string, options: { seconds: number; connections: number; rate?: number }, next: NextRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        ...(options.rate && { overallRate: options.rate }),
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
  appAt500: LoadResult;
  baselineAt500: LoadResult;
}

const row = (name: string, r: LoadResult, perRequest = 1) =>
  `| ${name} | ${(r.requestsPerSecond * perRequest).toFixed(0)} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors} |`;

function table(what: string, c: Comparison, perRequest = 1): string[] {
  const ratio = c.app.requestsPerSecond / c.baseline.requestsPerSecond;
  return [
    `| target | activities/s | p50 (per ${what}) | p99 | errors |`,
    '|---|---|---|---|---|',
    row('app, 32 connections', c.app, perRequest),
    row('baseline, 32 connections', c.baseline, perRequest),
    row('app at 500 activities/s', c.appAt500, perRequest),
    row('baseline at 500 activities/s', c.baselineAt500, perRequest),
    '',
    `Ratio app/baseline: **${ratio.toFixed(2)}** (goal ≥ 0.6; ≥ 2,000 activities/s).`,
    '',
  ];
}

export async function benchIngest(databaseUrl: string, options = { conversations: 200, seconds: 10, connections: 32 }) {
  // The per-caller rate limit would cap the one Event Grid caller at RATE_LIMIT_PER_MINUTE.
  const app = await startBenchApp(databaseUrl, { RATE_LIMIT: '0' });
  const baseline = await startBaselineServer(databaseUrl);
  try {
    const targets = await startDirectLineConversations(app.url, options.conversations);
    const customers = Array.from({ length: options.conversations }, (_, i) => `1555${String(i).padStart(7, '0')}`);
    // Each WhatsApp customer's conversation exists before the measurement, as the Direct Line ones do.
    for (let i = 0; i < customers.length; i += EVENTS_PER_BATCH) {
      const batch = eventGridRequests(customers.slice(i, i + EVENTS_PER_BATCH))();
      await fetch(`${app.url}${batch.path}`, { method: 'POST', headers: batch.headers, body: batch.body });
    }
    const directLine = directLineRequests(targets);
    const eventGrid = eventGridRequests(customers);
    const compare = async (next: NextRequest, activitiesPerRequest: number): Promise<Comparison> => {
      const at500 = { seconds: options.seconds, connections: 16, rate: 500 / activitiesPerRequest };
      // Warm both up (JIT, connection pools, prepared statements) before measuring.
      await load(app.url, { seconds: 3, connections: options.connections }, next);
      await load(baseline.url, { seconds: 3, connections: options.connections }, next);
      return {
        app: await load(app.url, options, next),
        baseline: await load(baseline.url, options, next),
        appAt500: await load(app.url, at500, next),
        baselineAt500: await load(baseline.url, at500, next),
      };
    };
    const idleBytes = readRss(app.pid);
    const rss = watchRss(app.pid);
    const directLineResult = await compare(directLine, 1);
    const eventGridResult = await compare(eventGrid, EVENTS_PER_BATCH);
    const memory: MemoryPhase = { phase: 'ingest (Direct Line, Event Grid)', idleBytes, during: rss.stop() };
    return {
      ratio: directLineResult.app.requestsPerSecond / directLineResult.baseline.requestsPerSecond,
      memory,
      markdown: [
        '## Ingest: Direct Line POST activities',
        '',
        'The app (token check, parse, dedupe key, seq, conversation counters, realtime event with the conversation summary,',
        'NOTIFY) against a bare `node:http` + `pg` server doing the equivalent insert (next seq, activity row, in a',
        'transaction), same database, same run (autocannon; the app with its rate limiter off).',
        '',
        ...table('request', directLineResult),
        `## Ingest: Event Grid batches (${EVENTS_PER_BATCH} WhatsApp messages each)`,
        '',
        'The same comparison for ACS Advanced Messaging deliveries: the app applies each event once (keyed on its id)',
        'to the customer’s conversation; the baseline stores each event’s activity in its own transaction.',
        '',
        ...table('batch', eventGridResult, EVENTS_PER_BATCH),
      ],
    };
  } finally {
    await baseline.close();
    await app.stop();
  }
}
