// Direct Line ingest: POST .../activities against the real app and against the bare baseline, on
// the same database in the same run. Throughput at full load, and latency at a fixed 500/s.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { freePort } from '../../lib/db/free-port';
import { startBaselineServer } from './baseline-server';

const SECRET = 'bench-directline-secret';

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
  non2xx: number;
}

export interface IngestResult {
  app: LoadResult;
  baseline: LoadResult;
  appAt500: LoadResult;
  baselineAt500: LoadResult;
}

export async function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DEMO_ACCOUNTS: '0', DIRECTLINE_SECRETS: SECRET, LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error('the app exited during start-up');
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the app did not start');
}

function load(url: string, targets: Target[], options: { seconds: number; connections: number; rate?: number }): Promise<LoadResult> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        ...(options.rate && { overallRate: options.rate }),
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const target = targets[next++ % targets.length]!;
              return {
                ...request,
                path: `/v3/directline/conversations/${target.id}/activities`,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
                body: JSON.stringify({ type: 'message', from: { id: target.userId }, text: 'benchmark message', channelData: { clientActivityID: randomUUID() } }),
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.errors,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

export async function benchIngest(databaseUrl: string, options = { conversations: 200, seconds: 10, connections: 32 }): Promise<IngestResult> {
  const app = await startApp(databaseUrl);
  const baseline = await startBaselineServer(databaseUrl);
  try {
    const targets: Target[] = [];
    for (let i = 0; i < options.conversations; i++) {
      const response = await fetch(`${app.url}/v3/directline/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: `user-${i}` } }),
      });
      const started = (await response.json()) as { conversationId: string; token: string };
      targets.push({ id: started.conversationId, token: started.token, userId: `user-${i}` });
    }
    // Warm both up (JIT, connection pools) before measuring.
    await load(app.url, targets, { seconds: 3, connections: options.connections });
    await load(baseline.url, targets, { seconds: 3, connections: options.connections });
    return {
      app: await load(app.url, targets, options),
      baseline: await load(baseline.url, targets, options),
      appAt500: await load(app.url, targets, { seconds: options.seconds, connections: 16, rate: 500 }),
      baselineAt500: await load(baseline.url, targets, { seconds: options.seconds, connections: 16, rate: 500 }),
    };
  } finally {
    await baseline.close();
    app.process.kill('SIGTERM');
    await new Promise((resolve) => (app.process.exitCode !== null ? resolve(null) : app.process.once('exit', resolve)));
  }
}
