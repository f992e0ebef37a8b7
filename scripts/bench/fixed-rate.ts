// Load at a fixed rate, spread evenly (one request every 1000/rate ms whatever the answers do), each
// request timed from when it was due rather than from when it went out: a slow answer delays no
// later request, and queueing behind it is counted (no coordinated omission, as wrk2 measures).
//
// Why not autocannon's `overallRate`: each connection sends its quota for the second back to back at
// the start of the second and then waits, so "500/s" was 16 bursts of ~31 at once every second; and it
// corrects for coordinated omission with an expected interval of ceil(1 / per-connection rate) = 1 ms,
// recording a made-up sample for every millisecond of each answer (a 30 ms answer counted 30 times).
// Its p99 at a fixed rate measured those bursts and those samples (docs/performance.md, issue 20).
import { Pool } from 'undici';
import { percentile } from './database';

/** BENCH_TRACE_SLOW_MS=<ms>: print when each answer slower than that was due (where a tail comes from). */
const TRACE_SLOW_MS = Number(process.env.BENCH_TRACE_SLOW_MS ?? 0);

export interface FixedRateResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface FixedRateRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * `warmUpSeconds` at the same rate on the same connections first, not counted: the first tenth of a second
 * of every run, the app's and both baselines' alike, was answered in 100–400 ms (connections opening, the
 * aftermath of the full-speed run before), which alone made the p99 of a 10 s run.
 */
export async function fixedRate(
  url: string,
  options: { rate: number; seconds: number; connections: number; warmUpSeconds?: number },
  next: () => FixedRateRequest,
): Promise<FixedRateResult> {
  const pool = new Pool(url, { connections: options.connections, pipelining: 1 });
  try {
    if (options.warmUpSeconds) await steadyLoad(pool, options.rate, options.warmUpSeconds, next, url);
    return await steadyLoad(pool, options.rate, options.seconds, next, url);
  } finally {
    await pool.close();
  }
}

async function steadyLoad(pool: Pool, rate: number, seconds: number, next: () => FixedRateRequest, url: string): Promise<FixedRateResult> {
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const answers: Promise<void>[] = [];
  const slow: string[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const send = (dueAt: number) => {
    const { path, headers, body } = next();
    return pool.request({ method: 'POST', path, headers, body }).then(
      async (response) => {
        await response.body.dump();
        if (response.statusCode >= 300) errors += 1;
        else latencies.push(performance.now() - dueAt);
        if (TRACE_SLOW_MS && performance.now() - dueAt > TRACE_SLOW_MS) slow.push(`${((dueAt - started) / 1000).toFixed(2)}s:${(performance.now() - dueAt).toFixed(0)}ms`);
      },
      () => {
        errors += 1;
      },
    );
  };
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor((performance.now() - started) / interval) + 1);
      for (; sent < due; sent++) answers.push(send(started + sent * interval));
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  await Promise.all(answers);
  const elapsed = (performance.now() - started) / 1000;
  if (slow.length > 0) console.log(`[fixed-rate] ${url}: ${slow.length} answers slower than ${TRACE_SLOW_MS} ms (due at: latency) ${slow.join(' ')}`);
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
  };
}
