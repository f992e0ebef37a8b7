// `npm test`: unit tests, then integration and end-to-end tests against a real PostgreSQL (a fresh
// database per run, on TEST_DATABASE_URL's server or an embedded one) and the real app over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/db/embedded-postgres';
import { freePort } from '../lib/db/free-port';
import { startFakeAcs, TEST_ACS_CHANNEL, TEST_ACS_KEY } from '../tests/support/fake-acs';
import { startFakeIdentity, TEST_BOT_APP_ID, TEST_BOT_APP_PASSWORD, TEST_CONNECTOR_AUDIENCE, TEST_CONNECTOR_TOKEN } from '../tests/support/fake-identity';
import { TEST_DIRECTLINE_SECRET, TEST_SESSION_SECRET } from '../tests/support/test-env';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** Runs a command to completion without blocking this process (which serves the fake identity). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  console.log(`\n$ ${path.basename(command)} ${args.join(' ')}`);
  const child = spawn(command, args, { stdio: 'inherit', env, cwd: root });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code === 0)));
}

async function serverAndAdminUrl(): Promise<{ adminUrl: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(root, '.data', 'test-postgres') });
  return { adminUrl: embedded.serverUrl, embedded };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(url: string, app: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the app did not become healthy in time');
}

async function main() {
  // `npm test -- <file filters>` runs only the matching unit and integration tests (no lint, no browser);
  // `npm test -- --e2e <spec filters>` runs only the matching Playwright specs.
  const e2eOnly = process.argv[2] === '--e2e';
  const filters = process.argv.slice(e2eOnly ? 3 : 2);
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (filters.length === 0 && !e2eOnly && !(await run(bin('eslint'), ['.'], baseEnv))) return 1;
  if (!e2eOnly && !(await run(bin('vitest'), ['run', '--project', 'unit', '--passWithNoTests', ...filters], { ...baseEnv, NODE_ENV: 'test' }))) return 1;

  const { adminUrl, embedded } = await serverAndAdminUrl();
  const database = `console_test_${Date.now()}_${process.pid}`;
  await admin(adminUrl, `CREATE DATABASE "${database}"`);
  const databaseUrl = withDatabase(adminUrl, database);
  const identity = await startFakeIdentity();
  const acs = await startFakeAcs();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const testEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    DATABASE_URL: databaseUrl,
    TEST_ADMIN_URL: adminUrl,
    CONSOLE_URL: baseUrl,
    PUBLIC_URL: baseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_ACCOUNTS: '1',
    DIRECTLINE_SECRETS: TEST_DIRECTLINE_SECRET,
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    BOT_APP_ID: TEST_BOT_APP_ID,
    BOT_APP_PASSWORD: TEST_BOT_APP_PASSWORD,
    BOT_TOKEN_URL: identity.tokenUrl,
    CHANNEL_JWKS_URL: identity.jwksUrl,
    TEST_IDENTITY_URL: identity.url,
    CONNECTOR_TOKENS: TEST_CONNECTOR_TOKEN,
    CONNECTOR_JWKS_URL: identity.jwksUrl,
    CONNECTOR_AUDIENCE: TEST_CONNECTOR_AUDIENCE,
    ACS_ENDPOINT: acs.url,
    ACS_ACCESS_KEY: TEST_ACS_KEY,
    ACS_CHANNEL_ID: TEST_ACS_CHANNEL,
    TEST_ACS_URL: acs.url,
    // The tests' file hosts listen on 127.0.0.1; other private addresses stay refused.
    MEDIA_FETCH_ALLOW_PRIVATE: '127.0.0.1',
    MEDIA_FETCH_TIMEOUT_MS: '3000',
  };

  const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env: testEnv, stdio: 'inherit' });
  let ok = false;
  try {
    await waitForHealth(baseUrl, app, 15 * 60_000);
    ok = e2eOnly
      ? await run(bin('playwright'), ['test', ...filters], testEnv)
      : (await run(bin('vitest'), ['run', '--project', 'integration', '--passWithNoTests', ...filters], { ...testEnv, NODE_ENV: 'test' })) &&
        (filters.length > 0 || (await run(bin('playwright'), ['test'], testEnv)));
  } finally {
    app.kill('SIGTERM');
    await new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once('exit', resolve)));
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch((error) => console.error(error));
    await embedded?.stop();
    await identity.close();
    await acs.close();
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
