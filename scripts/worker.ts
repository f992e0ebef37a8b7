// `npm run worker`: an outbox worker as its own process (run as many as you like against one database;
// set OUTBOX_WORKER=0 on the app instances to keep delivery out of them).
import { ConfigError, databaseUrl, parseEnv } from '../lib/config/env';
import { runOutboxWorker } from '../lib/outbound/run-worker';

async function main() {
  const config = parseEnv(process.env);
  const stop = await runOutboxWorker(databaseUrl(config), config.OUTBOX_CONCURRENCY);
  console.log(`Outbox worker running (concurrency ${config.OUTBOX_CONCURRENCY}).`);
  const shutdown = () => {
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
