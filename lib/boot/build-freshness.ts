// `npm start` builds the app only when the sources changed since the last build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['app', 'components', 'lib', 'public', 'proxy.ts', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'prisma/schema.prisma'];
const SKIP = new Set(['node_modules', '.next', '.data', '.git']);
export const HASH_FILE = path.join('.next', 'source-hash');

function files(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full)
    .filter((name) => !SKIP.has(name))
    .sort()
    .flatMap((name) => files(root, path.join(entry, name)));
}

export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(root, input))) {
    hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

export function buildIsCurrent(root: string): boolean {
  const stored = path.join(root, HASH_FILE);
  return (
    buildExists(root) &&
    existsSync(stored) &&
    readFileSync(stored, 'utf8').trim() === sourceHash(root)
  );
}

/** A build exists at all (`--no-build` starts on it without comparing sources). */
export function buildExists(root: string): boolean {
  return existsSync(path.join(root, '.next', 'BUILD_ID'));
}

/** Runs `next build` when the sources changed since the last build, and records their hash. */
export function buildWhenStale(root: string, env: NodeJS.ProcessEnv = process.env): void {
  if (buildIsCurrent(root)) return;
  console.log('Building the console (first start or changed sources)…');
  const nextBin = require.resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('next build failed');
  mkdirSync(path.join(root, '.next'), { recursive: true });
  writeFileSync(path.join(root, HASH_FILE), sourceHash(root));
}
