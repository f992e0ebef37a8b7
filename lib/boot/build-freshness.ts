// `npm start` builds the app only when the sources changed since the last build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(stored) &&
    readFileSync(stored, 'utf8').trim() === sourceHash(root)
  );
}
