// `npm run worker`: the outbox worker and routing as their own process (run as many as you like
// against one database; set OUTBOX_WORKER=0 and ROUTING=0 on the app instances to keep that work out of them).
import { ConfigError, databaseUrl, parseEnv } from '../lib/config/env';
import { startBackgroundWork } from '../lib/boot/background-work';

async function main() {
  const config = parseEnv(process.env);
  const stop = await startBackgroundWork({ ...config, OUTBOX_WORKER: true }, databaseUrl(config));
  console.log(`Outbox worker running (concurrency ${config.OUTBOX_CONCURRENCY})${config.ROUTING ? ', routing on' : ''}.`);
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
