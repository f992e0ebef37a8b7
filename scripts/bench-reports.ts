// `npm run bench:reports`: only the reports part of the scale benchmark (scripts/bench/reports.ts),
// on the load database of BENCH_SCALE_CONVERSATIONS × BENCH_SCALE_ACTIVITIES_PER_CONVERSATION over
// BENCH_SCALE_SPAN_DAYS (seeded first when missing; DATABASE_URL, else the embedded bench server).
// Prints its markdown; docs/benchmarks.md is written by `npm run bench` only.
import { openLoadDatabase } from './load/database';
import { seedLoad } from './load/seed';
import { startBenchApp } from './bench/app-process';
import { measureReports, reportsMarkdown } from './bench/reports';
import { scaleSize } from './bench/scale';
import { runScript } from './run-script';

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef012345';
  const size = scaleSize();
  const database = await openLoadDatabase(size);
  try {
    await seedLoad(database.url, size, { log: (line) => console.log(`[seed] ${line}`) });
    const app = await startBenchApp(database.url, { ROUTING: '0', OUTBOX_WORKER: '0' });
    try {
      console.log(reportsMarkdown(await measureReports(app.url, database.url), size).join('\n'));
    } finally {
      await app.stop();
    }
  } finally {
    await database.close();
  }
}

runScript(main);
