// `npm test` on a machine without Chromium stops before anything else, naming the command that installs it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function runTestScript(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/test.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

for (const args of [[], ['--e2e']]) {
  test(`npm test ${args.join(' ')} without Chromium stops at once with the install command`, async () => {
    const missing = path.join(root, '.data', 'no-such-chromium');
    const { code, output } = await runTestScript(args, { ...process.env, PLAYWRIGHT_CHROMIUM_PATH: missing });
    expect(code).toBe(1);
    expect(output).toContain(`Chromium is not installed at ${missing}`);
    expect(output).toContain('sudo apt-get install -y chromium');
    // Nothing else ran: no lint, no unit tests, no database, no build.
    expect(output).not.toMatch(/\$ (eslint|vitest)|Building the console/);
  }, 20_000);
}
