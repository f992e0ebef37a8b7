// Another app instance on the test file's database (the one CONSOLE_URL serves), with its own env:
// a small rate limit, no workers. Stopped by `stopInstances()` in the file's afterAll.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@/lib/db/free-port';

const children: ChildProcess[] = [];

export async function startInstance(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), PUBLIC_URL: url, OUTBOX_WORKER: '0', ROUTING: '0', DEMO_ACCOUNTS: '0', LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  children.push(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the instance exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) return url;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the instance did not start');
}

export async function stopInstances(): Promise<void> {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(null);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
}
