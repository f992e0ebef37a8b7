// One running console for a test run or a test file: its own database (a copy of the migrated
// template scripts/test.ts prepared), its own fake identity and fake ACS, and the app on its own port,
// started from the existing build (`scripts/start.ts --no-build`).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from '../../lib/db/free-port';
import { startFakeAcs, TEST_ACS_CHANNEL, TEST_ACS_KEY } from './fake-acs';
import { startFakeIdentity, TEST_BOT_APP_ID, TEST_BOT_APP_PASSWORD, TEST_CONNECTOR_AUDIENCE, TEST_CONNECTOR_TOKEN } from './fake-identity';
import { onServer, withDatabase } from './scratch-db';
import { TEST_DIRECTLINE_SECRET, TEST_SESSION_SECRET } from './test-env';

const root = path.resolve(__dirname, '../..');
const HEALTH_DEADLINE_MS = 120_000;

export interface TestApp {
  /** The environment the app runs with; tests read CONSOLE_URL, DATABASE_URL, TEST_*_URL from it. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** The prefix every database of one run shares: scripts/test.ts drops them all when the run ends. */
export function runPrefix(template: string): string {
  return template.replace(/_template$/, '');
}

/**
 * A new database copied from the migrated template (`CREATE DATABASE … TEMPLATE`): a file copy, not a
 * migration. It is not dropped when its file ends (a client the test left open would see its
 * connection killed as an unhandled error); scripts/test.ts drops the run's databases at the end.
 */
async function databaseFromTemplate(adminUrl: string, template: string): Promise<string> {
  const name = `${runPrefix(template)}_${randomBytes(4).toString('hex')}`;
  await onServer(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return withDatabase(adminUrl, name);
}

async function waitForHealth(url: string, app: ChildProcess) {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the app did not become healthy in time');
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

export async function startTestApp(options: { adminUrl: string; template: string; baseEnv?: NodeJS.ProcessEnv }): Promise<TestApp> {
  const databaseUrl = await databaseFromTemplate(options.adminUrl, options.template);
  const identity = await startFakeIdentity();
  const acs = await startFakeAcs();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...(options.baseEnv ?? process.env),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    TEST_ADMIN_URL: options.adminUrl,
    TEST_TEMPLATE_DATABASE: options.template,
    CONSOLE_URL: url,
    PUBLIC_URL: url,
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
    // Small, so a test's few episodes already stream out of the CSV export in several reads.
    REPORT_EXPORT_PAGE_ROWS: '3',
  };
  const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    await stopProcess(app);
    await Promise.all([identity.close(), acs.close()]);
  };
  try {
    await waitForHealth(url, app);
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, stop };
}
