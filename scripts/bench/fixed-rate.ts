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

export async function fixedRate(
  url: string,
  options: { rate: number; seconds: number; connections: number },
  next: () => FixedRateRequest,
): Promise<FixedRateResult> {
  const pool = new Pool(url, { connections: options.connections, pipelining: 1 });
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  const answers: Promise<void>[] = [];
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
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requestsPerSecond: latencies.length / seconds,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
  };
}
