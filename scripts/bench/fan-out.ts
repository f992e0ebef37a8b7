// Fan-out: thousands of console event streams open on one app instance, their memory, and how long
// a customer's message takes to reach every one of them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReps, customerSays, signInRep, startCustomer } from './actors';
import { startBenchApp } from './app-process';
import { readCpuMs } from './cpu';
import { now, openConsoleStream, type OpenStream } from './event-stream-client';
import { LATENCY_HEADER, latencyRow, latencyStats, type LatencyStats } from './latency';
import { mib, readRss, watchRss, type MemoryPhase } from './rss';
import { verdict } from './goals';

export interface FanOutOptions {
  connections: number;
  /** Reps the connections are spread over (each signed in once, its session shared by its streams). */
  reps: number;
  /** Customer messages sent one after another, each once the previous one reached every stream. */
  messages: number;
}

interface Deliveries {
  /** Every (message, stream) pair: sent → the message on that stream. */
  delivery: LatencyStats;
  /** Per message: sent → the message on the last stream. */
  lastStream: LatencyStats;
  /** The server's CPU time (user + system) per message delivered to all streams. */
  cpuMsPerMessage: number;
}

export interface FanOutResult extends Deliveries {
  connections: number;
  openSeconds: number;
  /** What the server's `console_realtime_streams` gauge said with all of them open. */
  serverStreams: number;
  rssIdleBytes: number;
  rssOpenBytes: number;
  bytesPerConnection: number;
  /** The app's CPU time (user + system) per stream opened. */
  cpuMsPerOpen: number;
  /** What one message put on a stream (SSE frames of its events). */
  bytesPerMessage: number;
  /** Every stream dropped at once and reopened at once with its Last-Event-ID (an instance restart as EventSource meets it). */
  storm: { seconds: number; reopened: number; failed: number; cpuMsPerOpen: number; lastStreamMs: number | null };
  /** The same deliveries from the barest server (scripts/bench/bare-stream-server.ts), frames of the same size. */
  bare: Deliveries & { cpuMsPerOpen: number };
  memory: MemoryPhase;
  markdown: string[];
}

const OPENING_CONCURRENCY = 50;
const DEADLINE_MS = 60_000;
const SETTLE_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thousands of event streams held from this process, and when a marker reached each of them. */
class Audience {
  readonly streams: OpenStream[] = [];
  private marker = '';
  private seenAt: Float64Array;
  private missing = 0;

  constructor(
    private readonly url: string,
    private readonly cookies: string[],
    private readonly size: number,
  ) {
    this.seenAt = new Float64Array(size);
  }

  open(index: number, resumeFrom: string | null = null): Promise<OpenStream> {
    return openConsoleStream(
      this.url,
      this.cookies[index % this.cookies.length]!,
      (text, at) => {
        if (Number.isNaN(this.seenAt[index]!) && this.marker && text.includes(this.marker)) {
          this.seenAt[index] = at;
          this.missing -= 1;
        }
      },
      resumeFrom,
    );
  }

  /** Opens streams 0…count-1, a batch at a time (as reps' browsers arrive), and holds them. */
  async openAll(count: number): Promise<void> {
    for (let next = 0; next < count; ) {
      const batch = Array.from({ length: Math.min(OPENING_CONCURRENCY, count - next) }, () => this.open(next++));
      this.streams.push(...(await Promise.all(batch)));
    }
  }

  /** Sends `text` and waits until the first `connections` streams carried it: the latency of each that did. */
  async deliver(text: string, connections: number, send: (text: string) => Promise<void>): Promise<number[]> {
    this.marker = text;
    this.seenAt = new Float64Array(this.size).fill(Number.NaN);
    this.missing = connections;
    const sentAt = now();
    await send(text);
    for (const deadline = now() + DEADLINE_MS; this.missing > 0 && now() < deadline; ) await sleep(5);
    return [...this.seenAt.subarray(0, connections)].filter((at) => !Number.isNaN(at)).map((at) => at - sentAt);
  }

  /** `messages` sent one after another to every open stream. */
  async deliverEach(messages: number, label: string, serverPid: number, send: (text: string) => Promise<void>): Promise<Deliveries> {
    const delivery: number[] = [];
    const lastStream: number[] = [];
    const cpuBefore = readCpuMs(serverPid);
    for (let m = 0; m < messages; m++) {
      const latencies = await this.deliver(`${label}${m}`, this.streams.length, send);
      delivery.push(...latencies);
      if (latencies.length === this.streams.length) lastStream.push(Math.max(...latencies));
      await sleep(200);
    }
    return {
      delivery: latencyStats(delivery, this.streams.length * messages),
      lastStream: latencyStats(lastStream, messages),
      cpuMsPerMessage: (readCpuMs(serverPid) - cpuBefore) / messages,
    };
  }

  closeAll(): void {
    this.streams.splice(0).forEach((stream) => stream.close());
  }
}

export async function benchFanOut(databaseUrl: string, options: FanOutOptions = { connections: 10_000, reps: 10, messages: 20 }): Promise<FanOutResult> {
  const run = randomBytes(4).toString('hex');
  const emails = await createReps(databaseUrl, `fan-${run}`, options.reps);
  const app = await startBenchApp(databaseUrl, { ROUTING: '0' });
  let audience: Audience | null = null;
  try {
    const cookies = await Promise.all(emails.map((email) => signInRep(app.url, email)));
    const customer = await startCustomer(app.url, `Fan-out Customer ${run}`);
    await customerSays(customer, 'Hello everyone');
    const says = (text: string) => customerSays(customer, text);
    audience = new Audience(app.url, cookies, options.connections);

    // Warm-up (JIT, pools) with a few streams, closed again before the idle reading.
    await audience.openAll(OPENING_CONCURRENCY);
    for (let i = 0; i < 3; i++) await audience.deliver(`fanwarm${i}x${run}`, OPENING_CONCURRENCY, says);
    audience.closeAll();
    await sleep(SETTLE_MS);
    const rssIdleBytes = readRss(app.pid);
    const rss = watchRss(app.pid);

    const openingStarted = now();
    const cpuBeforeOpening = readCpuMs(app.pid);
    await audience.openAll(options.connections);
    const openSeconds = (now() - openingStarted) / 1000;
    const cpuMsPerOpen = (readCpuMs(app.pid) - cpuBeforeOpening) / options.connections;
    await sleep(SETTLE_MS);
    const rssOpenBytes = readRss(app.pid);
    const serverStreams = await openStreamsGauge(app.url);

    const bytesBefore = audience.streams[0]!.bytesRead();
    const deliveries = await audience.deliverEach(options.messages, `fan${run}x`, app.pid, says);
    const bytesPerMessage = (audience.streams[0]!.bytesRead() - bytesBefore) / options.messages;
    const during = rss.stop();

    // The reconnect storm: all dropped, all back at once, each resuming from its last event id.
    const resumeFrom = audience.streams.map((stream) => stream.lastEventId());
    audience.closeAll();
    const stormStarted = now();
    const cpuBeforeStorm = readCpuMs(app.pid);
    const stormAudience = audience;
    const reopened = await Promise.allSettled(resumeFrom.map((id, index) => stormAudience.open(index, id)));
    const stormSeconds = (now() - stormStarted) / 1000;
    const stormCpuMs = readCpuMs(app.pid) - cpuBeforeStorm;
    for (const result of reopened) if (result.status === 'fulfilled') audience.streams.push(result.value);
    const failed = reopened.length - audience.streams.length;
    const afterStorm = failed === 0 ? await audience.deliver(`fanstorm${run}`, options.connections, says) : [];
    const storm = {
      seconds: stormSeconds,
      reopened: audience.streams.length,
      failed,
      cpuMsPerOpen: stormCpuMs / options.connections,
      lastStreamMs: afterStorm.length === options.connections ? Math.max(...afterStorm) : null,
    };
    audience.closeAll();
    await app.stop();
    const bare = await benchBareFanOut(options, bytesPerMessage);

    const result = {
      connections: options.connections,
      openSeconds,
      serverStreams,
      rssIdleBytes,
      rssOpenBytes,
      bytesPerConnection: (rssOpenBytes - rssIdleBytes) / options.connections,
      cpuMsPerOpen,
      bytesPerMessage,
      ...deliveries,
      storm,
      bare,
      memory: { phase: `fan-out (${options.connections} streams)`, idleBytes: rssIdleBytes, during },
    };
    return { ...result, markdown: markdown(options, result) };
  } finally {
    audience?.closeAll();
    await app.stop();
  }
}

/** The baseline: the same streams on the barest server, messages of `bytesPerMessage` each. */
async function benchBareFanOut(options: FanOutOptions, bytesPerMessage: number): Promise<FanOutResult['bare']> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/bare-stream-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let streams: Audience | null = null;
  try {
    const [port] = (await once(child.stdout, 'data')) as [Buffer];
    const url = `http://127.0.0.1:${port.toString().trim()}`;
    streams = new Audience(url, ['bare=1'], options.connections);
    const padding = 'x'.repeat(Math.max(0, Math.round(bytesPerMessage) - 120));
    const send = async (text: string) => {
      const response = await fetch(`${url}/messages`, { method: 'POST', body: JSON.stringify({ type: 'activity.created', text, padding }) });
      if (response.status !== 204) throw new Error(`the bare server answered ${response.status}`);
    };
    const cpuBefore = readCpuMs(child.pid!);
    await streams.openAll(options.connections);
    const cpuMsPerOpen = (readCpuMs(child.pid!) - cpuBefore) / options.connections;
    await sleep(SETTLE_MS);
    const deliveries = await streams.deliverEach(options.messages, `fanbare${randomBytes(4).toString('hex')}x`, child.pid!, send);
    return { ...deliveries, cpuMsPerOpen };
  } finally {
    streams?.closeAll();
    child.kill('SIGTERM');
    await exited;
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
    `${result.connections} \`/api/console/events\` streams (raw TCP clients in the bench process, ${options.reps} reps`,
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
    latencyRow('baseline: each stream', result.bare.delivery),
    latencyRow('baseline: the last stream of each message', result.bare.lastStream),
    '',
    `A message put ${(result.bytesPerMessage / 1024).toFixed(1)} KiB on each stream (its events' frames). CPU (user + system, \`/proc/<pid>/stat\`) per message`,
    `delivered to all ${result.connections} streams: the app ${result.cpuMsPerMessage.toFixed(0)} ms (${((result.cpuMsPerMessage * 1000) / result.connections).toFixed(0)} µs per stream, heartbeats falling in the window included),`,
    `the baseline ${result.bare.cpuMsPerMessage.toFixed(0)} ms. CPU per stream opened: the app ${result.cpuMsPerOpen.toFixed(2)} ms, the baseline ${result.bare.cpuMsPerOpen.toFixed(2)} ms.`,
    'The baseline is the barest server a user could write for the job (`scripts/bench/bare-stream-server.ts`: node:http, the',
    'open responses in a Set, a POST written as one frame of the same size to each; no session, no database), its',
    'streams held by the same client in the same run, after the app had stopped.',
    '',
    `Reconnect storm: all ${result.connections} streams dropped at once and reopened at once, each with the`,
    'Last-Event-ID it had seen (as EventSource does when an instance restarts); then one more message to all.',
    '',
    '| reopened | failed | all back in | app CPU per reopen | the next message on the last stream |',
    '|---|---|---|---|---|',
    `| ${result.storm.reopened} | ${result.storm.failed} | ${result.storm.seconds.toFixed(1)} s | ${result.storm.cpuMsPerOpen.toFixed(2)} ms | ${result.storm.lastStreamMs === null ? 'not every stream' : `${result.storm.lastStreamMs.toFixed(0)} ms`} |`,
    '',
    `Goals (issue 20): last stream p99 ≤ 250 ms — ${verdict(result.lastStream.p99Ms <= 250, `${result.lastStream.p99Ms.toFixed(0)} ms; the barest stream server's last stream ${result.bare.lastStream.p99Ms.toFixed(0)} ms with the same client in this run`)}; ≤ 50 KiB per stream — ${verdict(result.bytesPerConnection <= 50 * 1024)};`,
    `≤ 0.5 ms CPU per open — ${verdict(result.cpuMsPerOpen <= 0.5)}; the storm back within 10 s with no failure — ${verdict(result.storm.failed === 0 && result.storm.seconds <= 10)}.`,
    '',
  ];
}

