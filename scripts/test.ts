// `npm test`: unit tests, then integration and end-to-end tests against a real PostgreSQL and the real
// app over HTTP. The database is migrated once into a template; every integration file gets its own
// copy and its own app (tests/support/app-per-file.ts), so files run in parallel.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { buildWhenStale } from '../lib/boot/build-freshness';
import { prepareDatabase } from '../lib/boot/prepare-database';
import { parseEnv } from '../lib/config/env';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/db/embedded-postgres';
import { missingChromium } from '../tests/support/chromium';
import { onServer, withClient, withDatabase } from '../tests/support/scratch-db';
import { runPrefix, startTestApp } from '../tests/support/test-app';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
// Two files at a time on the two shared cores we test on (docs/decisions/011; not yet measured against 1 or 3).
const WORKERS = process.env.TEST_WORKERS ?? '2';

/** Runs a command to completion without blocking this process. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  console.log(`\n$ ${path.basename(command)} ${args.join(' ')}`);
  const child = spawn(command, args, { stdio: 'inherit', env, cwd: root });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code === 0)));
}

async function serverUrl(): Promise<{ adminUrl: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(root, '.data', 'test-postgres') });
  return { adminUrl: embedded.serverUrl, embedded };
}

/** Migrations, default rows and demo accounts, once; each test app starts on a copy of it. */
async function prepareTemplate(adminUrl: string): Promise<string> {
  const template = `console_test_${Date.now()}_${process.pid}_template`;
  await onServer(adminUrl, `CREATE DATABASE "${template}"`);
  await prepareDatabase(parseEnv({ DATABASE_URL: withDatabase(adminUrl, template), DEMO_ACCOUNTS: '1' }), () => {});
  return template;
}

/** The template and every copy of it this run made (test-app.ts names them after the template). */
async function dropRunDatabases(adminUrl: string, template: string) {
  const { rows } = await withClient(adminUrl, (client) =>
    client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [runPrefix(template)]),
  );
  for (const { datname } of rows) await onServer(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}

/** How many integration files a run with these filters takes (vitest matches a filter anywhere in the path). */
function integrationFileCount(filters: string[]): number {
  const files = readdirSync(path.join(root, 'tests/integration')).filter((name) => name.endsWith('.test.ts'));
  const paths = files.map((name) => `tests/integration/${name}`);
  return filters.length === 0 ? paths.length : paths.filter((file) => filters.some((filter) => file.includes(filter))).length;
}

async function main() {
  // `npm test -- <file filters>` runs only the matching unit and integration tests (no lint, no browser);
  // `npm test -- --e2e <spec filters>` runs only the matching Playwright specs.
  const e2eOnly = process.argv[2] === '--e2e';
  const filters = process.argv.slice(e2eOnly ? 3 : 2);
  const runsE2e = e2eOnly || filters.length === 0;
  const chromiumProblem = runsE2e ? missingChromium() : null;
  if (chromiumProblem) {
    console.error(chromiumProblem);
    return 1;
  }
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (filters.length === 0 && !e2eOnly && !(await run(bin('eslint'), ['.'], baseEnv))) return 1;
  if (!e2eOnly && !(await run(bin('vitest'), ['run', '--project', 'unit', '--passWithNoTests', ...filters], { ...baseEnv, NODE_ENV: 'test' }))) return 1;

  const { adminUrl, embedded } = await serverUrl();
  let template: string | null = null;
  try {
    template = await prepareTemplate(adminUrl);
    buildWhenStale(root, baseEnv);
    const suiteEnv = { ...baseEnv, TEST_ADMIN_URL: adminUrl, TEST_TEMPLATE_DATABASE: template };
    if (!e2eOnly) {
      const integration = ['run', '--project', 'integration', '--passWithNoTests', `--maxWorkers=${WORKERS}`, ...filters];
      const poolEnv = { TEST_WORKERS: WORKERS, TEST_INTEGRATION_FILES: String(integrationFileCount(filters)) };
      if (!(await run(bin('vitest'), integration, { ...suiteEnv, ...poolEnv, NODE_ENV: 'test' }))) return 1;
    }
    if (!runsE2e) return 0;
    const app = await startTestApp({ adminUrl, template, baseEnv: suiteEnv });
    try {
      return (await run(bin('playwright'), ['test', ...filters], app.env)) ? 0 : 1;
    } finally {
      await app.stop();
    }
  } finally {
    if (template) await dropRunDatabases(adminUrl, template).catch((error) => console.error(error));
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
