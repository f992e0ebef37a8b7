// Fan-out: thousands of console event streams open on one app instance, their memory, and how long
// a customer's message takes to reach every one of them.
import { randomBytes } from 'node:crypto';
import { createReps, customerSays, signInRep, startCustomer } from './actors';
import { startBenchApp } from './app-process';
import { readCpuMs } from './cpu';
import { now, openConsoleStream, type OpenStream } from './event-stream-client';
import { LATENCY_HEADER, latencyRow, latencyStats, type LatencyStats } from './latency';
import { mib, readRss, watchRss, type MemoryPhase } from './rss';

export interface FanOutOptions {
  connections: number;
  /** Reps the connections are spread over (each signed in once, its session shared by its streams). */
  reps: number;
  /** Customer messages sent one after another, each once the previous one reached every stream. */
  messages: number;
}

export interface FanOutResult {
  connections: number;
  openSeconds: number;
  /** What the server's `console_realtime_streams` gauge said with all of them open. */
  serverStreams: number;
  rssIdleBytes: number;
  rssOpenBytes: number;
  bytesPerConnection: number;
  /** The app's CPU time (user + system) per stream opened, and per message delivered to all of them. */
  cpuMsPerOpen: number;
  cpuMsPerMessage: number;
  /** Every (message, stream) pair: POST sent → the message on that stream. */
  delivery: LatencyStats;
  /** Per message: POST sent → the message on the last stream. */
  lastStream: LatencyStats;
  /** Every stream dropped at once and reopened at once with its Last-Event-ID (an instance restart as EventSource meets it). */
  storm: { seconds: number; reopened: number; failed: number; cpuMsPerOpen: number; lastStreamMs: number | null };
  memory: MemoryPhase;
  markdown: string[];
}

const OPENING_CONCURRENCY = 50;
const DEADLINE_MS = 60_000;
const SETTLE_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchFanOut(databaseUrl: string, options: FanOutOptions = { connections: 10_000, reps: 10, messages: 20 }): Promise<FanOutResult> {
  const run = randomBytes(4).toString('hex');
  const emails = await createReps(databaseUrl, `fan-${run}`, options.reps);
  const app = await startBenchApp(databaseUrl, { ROUTING: '0' });
  const streams: OpenStream[] = [];
  try {
    const cookies = await Promise.all(emails.map((email) => signInRep(app.url, email)));
    const customer = await startCustomer(app.url, `Fan-out Customer ${run}`);
    await customerSays(customer, 'Hello everyone');

    // What each stream waits for, and when each saw it (NaN: not yet).
    let marker = '';
    let seenAt = new Float64Array(options.connections);
    let missing = 0;
    const open = (index: number, resumeFrom: string | null = null) =>
      openConsoleStream(
        app.url,
        cookies[index % cookies.length]!,
        (text, at) => {
          if (Number.isNaN(seenAt[index]!) && marker && text.includes(marker)) {
            seenAt[index] = at;
            missing -= 1;
          }
        },
        resumeFrom,
      );
    const deliver = async (text: string, connections: number) => {
      marker = text;
      seenAt = new Float64Array(options.connections).fill(Number.NaN);
      missing = connections;
      const sentAt = now();
      await customerSays(customer, text);
      for (const deadline = now() + DEADLINE_MS; missing > 0 && now() < deadline; ) await sleep(5);
      return [...seenAt.subarray(0, connections)].filter((at) => !Number.isNaN(at)).map((at) => at - sentAt);
    };

    // Warm-up (JIT, pools) with a few streams, closed again before the idle reading.
    const warm = await Promise.all(Array.from({ length: OPENING_CONCURRENCY }, (_, i) => open(i)));
    for (let i = 0; i < 3; i++) await deliver(`fanwarm${i}x${run}`, warm.length);
    warm.forEach((stream) => stream.close());
    await sleep(SETTLE_MS);
    const rssIdleBytes = readRss(app.pid);
    const rss = watchRss(app.pid);

    const openingStarted = now();
    const cpuBeforeOpening = readCpuMs(app.pid);
    for (let next = 0; next < options.connections; ) {
      const batch = Array.from({ length: Math.min(OPENING_CONCURRENCY, options.connections - next) }, () => open(next++));
      streams.push(...(await Promise.all(batch)));
    }
    const openSeconds = (now() - openingStarted) / 1000;
    const cpuMsPerOpen = (readCpuMs(app.pid) - cpuBeforeOpening) / options.connections;
    await sleep(SETTLE_MS);
    const rssOpenBytes = readRss(app.pid);
    const serverStreams = await openStreamsGauge(app.url);

    const delivery: number[] = [];
    const lastStream: number[] = [];
    const cpuBeforeMessages = readCpuMs(app.pid);
    for (let m = 0; m < options.messages; m++) {
      const latencies = await deliver(`fan${m}x${run}`, options.connections);
      delivery.push(...latencies);
      if (latencies.length === options.connections) lastStream.push(Math.max(...latencies));
      await sleep(200);
    }
    const cpuMsPerMessage = (readCpuMs(app.pid) - cpuBeforeMessages) / options.messages;
    const during = rss.stop();

    // The reconnect storm: all dropped, all back at once, each resuming from its last event id.
    const resumeFrom = streams.map((stream) => stream.lastEventId());
    streams.splice(0).forEach((stream) => stream.close());
    const stormStarted = now();
    const cpuBeforeStorm = readCpuMs(app.pid);
    const reopened = await Promise.allSettled(resumeFrom.map((id, index) => open(index, id)));
    const stormSeconds = (now() - stormStarted) / 1000;
    const stormCpuMs = readCpuMs(app.pid) - cpuBeforeStorm;
    for (const result of reopened) if (result.status === 'fulfilled') streams.push(result.value);
    const failed = reopened.length - streams.length;
    const afterStorm = failed === 0 ? await deliver(`fanstorm${run}`, options.connections) : [];
    const storm = {
      seconds: stormSeconds,
      reopened: streams.length,
      failed,
      cpuMsPerOpen: stormCpuMs / options.connections,
      lastStreamMs: afterStorm.length === options.connections ? Math.max(...afterStorm) : null,
    };

    const result = {
      connections: options.connections,
      openSeconds,
      serverStreams,
      rssIdleBytes,
      rssOpenBytes,
      bytesPerConnection: (rssOpenBytes - rssIdleBytes) / options.connections,
      cpuMsPerOpen,
      cpuMsPerMessage,
      delivery: latencyStats(delivery, options.connections * options.messages),
      lastStream: latencyStats(lastStream, options.messages),
      storm,
      memory: { phase: `fan-out (${options.connections} streams)`, idleBytes: rssIdleBytes, during },
    };
    return { ...result, markdown: markdown(options, result) };
  } finally {
    streams.forEach((stream) => stream.close());
    await app.stop();
  }
}

async function openStreamsGauge(url: string): Promise<number> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  return Number(/^console_realtime_streams (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

function markdown(options: FanOutOptions, result: Omit<FanOutResult, 'markdown'>): string[] {
  return [
    '## Fan-out: concurrent console event streams on one instance',
    '',
    `${result.connections} \`/api/console/events\` streams (raw \`node:http\` clients in the bench process, ${options.reps} reps`,
    'signed in through the sign-in API, their sessions shared by their streams) on one app instance.',
    'Memory per connection: the app’s RSS with all streams open minus its RSS at rest, over the streams.',
    `Then ${options.messages} customer messages through Direct Line, one at a time: each timed from just`,
    'before its POST until it was on each stream, and until it was on the last one.',
    '',
    '| streams | opened in | app CPU per open | server’s open-stream gauge | RSS at rest | RSS with streams open | per connection |',
    '|---|---|---|---|---|---|---|',
    `| ${result.connections} | ${result.openSeconds.toFixed(1)} s | ${result.cpuMsPerOpen.toFixed(2)} ms | ${result.serverStreams} | ${mib(result.rssIdleBytes)} | ${mib(result.rssOpenBytes)} | ${(result.bytesPerConnection / 1024).toFixed(1)} KiB |`,
    '',
    ...LATENCY_HEADER,
    latencyRow('each stream (message × stream)', result.delivery),
    latencyRow('the last stream of each message', result.lastStream),
    '',
    `App CPU (user + system, \`/proc/<pid>/stat\`) per message delivered to all ${result.connections} streams: ${result.cpuMsPerMessage.toFixed(0)} ms`,
    `(${((result.cpuMsPerMessage * 1000) / result.connections).toFixed(0)} µs per stream; heartbeats falling in the window included).`,
    '',
    `Reconnect storm: all ${result.connections} streams dropped at once and reopened at once, each with the`,
    'Last-Event-ID it had seen (as EventSource does when an instance restarts); then one more message to all.',
    '',
    '| reopened | failed | all back in | app CPU per reopen | the next message on the last stream |',
    '|---|---|---|---|---|',
    `| ${result.storm.reopened} | ${result.storm.failed} | ${result.storm.seconds.toFixed(1)} s | ${result.storm.cpuMsPerOpen.toFixed(2)} ms | ${result.storm.lastStreamMs === null ? 'not every stream' : `${result.storm.lastStreamMs.toFixed(0)} ms`} |`,
    '',
    `Goals (issue 20): last stream p99 ≤ 250 ms — ${verdict(result.lastStream.p99Ms <= 250)}; ≤ 50 KiB per stream — ${verdict(result.bytesPerConnection <= 50 * 1024)};`,
    `≤ 0.5 ms CPU per open — ${verdict(result.cpuMsPerOpen <= 0.5)}; the storm back within 10 s with no failure — ${verdict(result.storm.failed === 0 && result.storm.seconds <= 10)}.`,
    '',
  ];
}

const verdict = (met: boolean) => (met ? 'met' : '**not met**');
