// `npm run bench`: measures, never asserts. Writes docs/benchmarks.md.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { checkpoint } from './bench/checkpoint';
import { benchDatabase } from './bench/database';
import { benchFanOut } from './bench/fan-out';
import { benchIngest } from './bench/ingest';
import { benchLiveLatency } from './bench/live-latency';
import { benchOutbound } from './bench/outbound';
import { memoryMarkdown } from './bench/rss';
import { benchScale } from './bench/scale';
import { runScript } from './run-script';

/** What the outbound figures measure, and the before/after of #9's fix (decision 003). */
const OUTBOUND_NOTES = [
  '200 conversations × 12 deliveries (goal ≥ 500/s). A worker transaction claims up to `OUTBOX_BATCH_SIZE`',
  'due deliveries of different conversations (the oldest pending one of each; FOR UPDATE SKIP LOCKED, their',
  'activities locked too), POSTs them in parallel over keep-alive connections (undici), writes the attempt rows,',
  'delivery and message states and the realtime events in two statements, and commits. An attempt is one POST,',
  'with up to 4 × 16 in flight.',
  '',
  'Before #9: one delivery per Prisma transaction (13 round trips: claim, load, attempt, delivery, activity',
  'update and read-back, scope, event, NOTIFYs) and `fetch`, 8 slots: 178/s on a quiet machine (2026-11-26),',
  'the Node process CPU-bound in Prisma and fetch. On the same loaded machine (load average 4–9, 2026-11-26),',
  'the outbound scenario alone: before 43 and 100/s; after 377–1,096/s over six runs (median about 810/s).',
];

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef012345';
  const database = await benchDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    // Each section starts from a checkpoint, so none pays for the writes of the one before.
    const ingest = await benchIngest(database.url);
    await checkpoint(database.url);
    const outbound = await benchOutbound(database.url);
    await checkpoint(database.url);
    const live = await benchLiveLatency(database.url);
    await checkpoint(database.url);
    const fanOut = await benchFanOut(database.url);
    await checkpoint(database.url);
    const scale = await benchScale(database.url);
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
      '| deliveries | worker transactions × batch | seconds | deliveries/s | attempt p50 | attempt p99 |',
      '|---|---|---|---|---|---|',
      `| ${outbound.deliveries} | ${outbound.concurrency} × ${outbound.batchSize} | ${outbound.seconds.toFixed(2)} | ${outbound.perSecond.toFixed(0)} | ${outbound.attemptP50Ms} ms | ${outbound.attemptP99Ms} ms |`,
      '',
      ...OUTBOUND_NOTES,
      '',
      ...live.markdown,
      ...fanOut.markdown,
      ...memoryMarkdown([ingest.memory, live.memory, fanOut.memory]),
      ...scale,
    ].join('\n');
    writeFileSync('docs/benchmarks.md', report);
    console.log(report);
    console.log(`ingest ratio ${ingest.ratio.toFixed(2)} (transaction baseline), ${ingest.bareRatio.toFixed(2)} (bare single-INSERT server)`);
  } finally {
    await database.close();
  }
}

runScript(main);
