// `npm run bench:sections -- ingest fan-out`: some sections of `npm run bench` alone, on the same
// bench database, printing their markdown (docs/benchmarks.md is written by `npm run bench` only).
// For measuring one change without the 1M-conversation scale section.
import { checkpoint } from './bench/checkpoint';
import { benchDatabase } from './bench/database';
import { benchFanOut } from './bench/fan-out';
import { benchIngest } from './bench/ingest';
import { benchLiveLatency } from './bench/live-latency';
import { runScript } from './run-script';

const SECTIONS: Record<string, (databaseUrl: string) => Promise<{ markdown: string[] }>> = {
  ingest: benchIngest,
  'live-latency': benchLiveLatency,
  'fan-out': (databaseUrl) => benchFanOut(databaseUrl),
};

async function main() {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !SECTIONS[name]);
  if (names.length === 0 || unknown.length > 0) throw new Error(`Name one or more sections: ${Object.keys(SECTIONS).join(', ')}`);
  process.env.LOG_LEVEL ??= 'warn';
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef012345';
  const database = await benchDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    for (const name of names) {
      await checkpoint(database.url);
      console.log((await SECTIONS[name]!(database.url)).markdown.join('\n'));
    }
  } finally {
    await database.close();
  }
}

runScript(main);
