// `npm run worker` on the test file's database, as its own process (the background work an
// instance runs: outbox, routing, pruning), with extra environment variables.
import { spawn, type ChildProcess } from 'node:child_process';

export interface WorkerProcess {
  stop(): Promise<void>;
}

export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const worker: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    worker.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Outbox worker running')) resolve();
    });
    worker.once('exit', (code) => reject(new Error(`the worker exited (${code})`)));
  });
  return {
    async stop() {
      if (worker.exitCode !== null) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    },
  };
}
