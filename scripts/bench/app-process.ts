// The real app (`scripts/start.ts`, production build) on the bench database, for the sections that
// measure it from outside: browsers, event streams, its memory.
import { spawn } from 'node:child_process';
import { freePort } from '../../lib/db/free-port';

export const BENCH_DIRECTLINE_SECRET = 'bench-directline-secret';

export interface BenchApp {
  url: string;
  /** The process serving HTTP (scripts/start.ts runs the server in-process: no workers). */
  pid: number;
  stop(): Promise<void>;
}

export async function startBenchApp(databaseUrl: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE_DIR=<dir>: a V8 CPU profile of the app, written there when it stops (open in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DEMO_ACCOUNTS: '0',
      DIRECTLINE_SECRETS: BENCH_DIRECTLINE_SECRET,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error('the app exited during start-up');
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error('the app did not start');
}
