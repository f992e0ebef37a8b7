// `npm start` (production build, built when missing or stale) and `npm run dev` (hot reload).
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../lib/auth/demo-accounts';
import { startBackgroundWork } from '../lib/boot/background-work';
import { buildExists, buildWhenStale } from '../lib/boot/build-freshness';
import { prepareDatabase, resolveSessionSecret } from '../lib/boot/prepare-database';
import { ConfigError, parseEnv, publicUrl } from '../lib/config/env';
import { startHttpServer } from '../lib/server/http-server';

const DEMO_DIRECTLINE_SECRET = 'demo-directline-secret';

async function main() {
  const dev = process.argv.includes('--dev');
  (process.env as Record<string, string>).NODE_ENV ??= dev ? 'development' : 'production';
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  const root = process.cwd();
  let config = parseEnv(process.env);

  const database = await prepareDatabase(config, (line) => {
    if (process.env.LOG_LEVEL === 'debug') console.log(`[postgres] ${line}`);
  });
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.SESSION_SECRET = resolveSessionSecret(config);
  if (!config.DIRECTLINE_SECRETS && database.demoAccounts) process.env.DIRECTLINE_SECRETS = DEMO_DIRECTLINE_SECRET;
  config = parseEnv(process.env);

  // --no-build: the caller built already (the test runner starts several apps on one build at once).
  if (process.argv.includes('--no-build')) {
    if (!dev && !buildExists(root)) throw new Error('No build in .next: run `npm run build` first, or start without --no-build.');
  } else if (!dev) {
    buildWhenStale(root);
  }

  const running = await startHttpServer({ dev, dir: root, host: config.HOST, port: config.PORT });
  const stopBackground = await startBackgroundWork(config, database.databaseUrl);
  const url = publicUrl(config);
  console.log(`\nAgent Console is up: ${url}`);
  console.log(`Database: ${database.embedded ? `embedded PostgreSQL (data in ${path.join(config.DATA_DIR, 'postgres')})` : 'DATABASE_URL'}`);
  if (database.demoAccounts) {
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(18)} ${account.displayName} (${account.role})`);
  }
  if (process.env.DIRECTLINE_SECRETS === DEMO_DIRECTLINE_SECRET) {
    console.log(`Direct Line secret (demo): ${DEMO_DIRECTLINE_SECRET}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await running.close().catch((error) => console.error(error));
    await stopBackground().catch((error) => console.error(error));
    await database.embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
