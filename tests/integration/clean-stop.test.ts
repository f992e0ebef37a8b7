// Ctrl-C on `npm start` as an operator meets it: the app on its embedded PostgreSQL, a rep's console
// stream and a customer's Direct Line WebSocket open, then SIGINT. The process stops the listener,
// the background work, the realtime listener and pools, then the database, and exits 0 without an
// error-level line or a stack trace.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@/lib/db/free-port';
import { ConsoleClient, type DirectLineStart } from '../support/clients';
import { TEST_DIRECTLINE_SECRET, TEST_SESSION_SECRET } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

// Under the project, as `npm start` keeps it (the embedded server's user must be able to enter it).
const dataDir = path.resolve('.data', `clean-stop-${process.pid}`);
let app: ChildProcess | null = null;

afterAll(() => {
  if (app?.pid && app.exitCode === null) process.kill(-app.pid, 'SIGKILL');
  // A test that failed half-way may leave the app's PostgreSQL (a process group of its own) running.
  const pidFile = path.join(dataDir, 'postgres', 'pgdata', 'postmaster.pid');
  if (existsSync(pidFile)) {
    try {
      process.kill(Number.parseInt(readFileSync(pidFile, 'utf8'), 10), 'SIGQUIT');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Generous: the HTTP drain alone may take 8 s; the app's own deadline is 20 s. */
const EXIT_DEADLINE_MS = 60_000;

interface RunningApp {
  url: string;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` without DATABASE_URL: the app starts (and must stop) its embedded PostgreSQL. */
async function startApp(): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, {
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DEMO_ACCOUNTS: '1',
    DIRECTLINE_SECRETS: TEST_DIRECTLINE_SECRET,
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: 'info',
  });
  // A process group of its own, as `npm start` has in a terminal: Ctrl-C reaches every process in it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  app = child;
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
      return (await fetch(`${url}/api/health`).catch(() => null))?.ok || undefined;
    },
    180_000,
    'the app is up',
  );
  return { url, process: child, output: () => output, exited };
}

describe('Ctrl-C on npm start', () => {
  it('closes open streams, stops in order and exits 0 with no error or stack trace', { timeout: 240_000 }, async () => {
    const running = await startApp();
    const { url, exited } = running;
    app = running.process;

    // A rep's console stream, read until it ends.
    const rep = new ConsoleClient().on(url);
    expect((await rep.call('POST', '/api/console/auth/sign-in', { email: 'alice@demo.test', password: 'demo-password' })).status).toBe(200);
    const sse = await fetch(rep.url('/api/console/events'), { headers: { Cookie: rep.cookieHeader() } });
    expect(sse.status).toBe(200);
    const reader = sse.body!.getReader();
    let received = '';
    const sseEnded = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        received += new TextDecoder().decode(value);
      }
    })().catch((error: unknown) => `failed: ${String(error)}`);
    await waitUntil(async () => received.includes('event: ready') || undefined, 20_000, 'the console stream is ready');

    // A customer's Direct Line WebSocket.
    const started = await fetch(`${url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_DIRECTLINE_SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: 'stop-user' } }),
    });
    const { streamUrl, conversationId, token } = (await started.json()) as DirectLineStart;
    // The custom server's own routes (the activity POST) reach the embedded database too.
    const sent = await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'stop-user' }, text: 'before the stop' }),
    });
    expect(sent.status, await sent.clone().text()).toBe(200);
    const socket = new WebSocket(streamUrl);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const socketClosed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

    // Ctrl-C: SIGINT to the whole group, the embedded PostgreSQL included.
    process.kill(-app.pid!, 'SIGINT');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('no exit'), EXIT_DEADLINE_MS))]);

    const output = running.output();
    expect(code, output).toBe(0);
    // Both streams were ended by the server, not cut: the SSE response finished, the socket said "going away".
    expect(await sseEnded).toBe('ended');
    expect(await socketClosed).toBe(1001);
    const lines = output.split('\n');
    const levels = lines.flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as { level?: number };
        return typeof parsed.level === 'number' ? [{ level: parsed.level, line }] : [];
      } catch {
        return [];
      }
    });
    expect(levels.filter((entry) => entry.level >= 50).map((entry) => entry.line)).toEqual([]);
    expect(output).not.toMatch(/Error:|"stack"|\n\s+at .+:\d+:\d+/);
    // Stopped in order: listener, background work, realtime listener, pools, then the database.
    const steps = levels.flatMap(({ line }) => {
      const parsed = JSON.parse(line) as { msg?: string; step?: string };
      return parsed.msg === 'stopped' && parsed.step ? [parsed.step.split(' ')[0]] : [];
    });
    expect(steps).toEqual(['HTTP', 'background', 'realtime', 'connection', 'embedded']);
  });

  it('after the app was killed outright, the next start takes over the database it left running', { timeout: 300_000 }, async () => {
    const killed = await startApp();
    // SIGKILL to the app alone: no stop ran, its PostgreSQL (a process group of its own) lives on.
    killed.process.kill('SIGKILL');
    await killed.exited;

    const next = await startApp();
    const rep = new ConsoleClient().on(next.url);
    expect((await rep.call('POST', '/api/console/auth/sign-in', { email: 'alice@demo.test', password: 'demo-password' })).status).toBe(200);
    process.kill(-next.process.pid!, 'SIGINT');
    expect(await next.exited, next.output()).toBe(0);
  });
});
