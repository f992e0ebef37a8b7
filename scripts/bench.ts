// `npm run bench`: measures, never asserts. Writes docs/benchmarks.md.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchDatabase } from './bench/database';
import { benchFanOut } from './bench/fan-out';
import { benchIngest } from './bench/ingest';
import { benchLiveLatency } from './bench/live-latency';
import { benchOutbound } from './bench/outbound';
import { memoryMarkdown } from './bench/rss';

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef012345';
  const database = await benchDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const ingest = await benchIngest(database.url);
    const outbound = await benchOutbound(database.url);
    const live = await benchLiveLatency(database.url);
    const fanOut = await benchFanOut(database.url);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const report = [
      '# Benchmarks',
      '',
      `Run ${new Date().toISOString()} on ${machine}, PostgreSQL ${process.env.BENCH_DATABASE_URL ? '(BENCH_DATABASE_URL)' : '(embedded)'}.`,
      'Produced by `npm run bench`; numbers from one run on a shared machine, not a promise.',
      '',
      ...ingest.markdown,
      '## Outbound: outbox drained to a local receiver',
      '',
      '| deliveries | worker slots | seconds | deliveries/s | attempt p50 | attempt p99 |',
      '|---|---|---|---|---|---|',
      `| ${outbound.deliveries} | ${outbound.concurrency} | ${outbound.seconds.toFixed(2)} | ${outbound.perSecond.toFixed(0)} | ${outbound.attemptP50Ms} ms | ${outbound.attemptP99Ms} ms |`,
      '',
      'Each delivery: claim (FOR UPDATE SKIP LOCKED, oldest of its conversation), HTTP POST, attempt row,',
      'delivery and activity update and a realtime event, in one transaction.',
      '',
      ...live.markdown,
      ...fanOut.markdown,
      ...memoryMarkdown([ingest.memory, live.memory, fanOut.memory]),
    ].join('\n');
    writeFileSync('docs/benchmarks.md', report);
    console.log(report);
    console.log(`ingest ratio ${ingest.ratio.toFixed(2)}`);
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
