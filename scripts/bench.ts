// `npm run bench`: measures, never asserts. Writes docs/benchmarks.md.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchDatabase } from './bench/database';
import { benchIngest, type LoadResult } from './bench/ingest';
import { benchOutbound } from './bench/outbound';
import { benchScale } from './bench/scale';

const row = (name: string, r: LoadResult) =>
  `| ${name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors + r.non2xx} |`;

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef012345';
  const database = await benchDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const ingest = await benchIngest(database.url);
    const outbound = await benchOutbound(database.url);
    const scale = await benchScale(database.url);
    const ratio = ingest.app.requestsPerSecond / ingest.baseline.requestsPerSecond;
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const report = [
      '# Benchmarks',
      '',
      `Run ${new Date().toISOString()} on ${machine}, PostgreSQL ${process.env.BENCH_DATABASE_URL ? '(BENCH_DATABASE_URL)' : '(embedded)'}.`,
      'Produced by `npm run bench`; numbers from one run on a shared machine, not a promise.',
      '',
      '## Ingest: Direct Line POST activities',
      '',
      'The app (auth by conversation token, parse, dedupe key, seq, conversation update, event log + NOTIFY)',
      'against a bare `node:http` + `pg` server doing the equivalent insert, same database, same run (autocannon).',
      '',
      '| target | activities/s | p50 | p99 | errors |',
      '|---|---|---|---|---|',
      row('app, 32 connections', ingest.app),
      row('baseline, 32 connections', ingest.baseline),
      row('app at 500/s', ingest.appAt500),
      row('baseline at 500/s', ingest.baselineAt500),
      '',
      `Ratio app/baseline: **${ratio.toFixed(2)}** (goal ≥ 0.6; ≥ 2,000 activities/s; p99 ≤ 25 ms at 500/s).`,
      '',
      '## Outbound: outbox drained to a local receiver',
      '',
      '| deliveries | worker slots | seconds | deliveries/s | attempt p50 | attempt p99 |',
      '|---|---|---|---|---|---|',
      `| ${outbound.deliveries} | ${outbound.concurrency} | ${outbound.seconds.toFixed(2)} | ${outbound.perSecond.toFixed(0)} | ${outbound.attemptP50Ms} ms | ${outbound.attemptP99Ms} ms |`,
      '',
      'Each delivery: claim (FOR UPDATE SKIP LOCKED, oldest of its conversation), HTTP POST, attempt row,',
      'delivery and activity update and a realtime event, in one transaction.',
      '',
      ...scale,
    ].join('\n');
    writeFileSync('docs/benchmarks.md', report);
    console.log(report);
    console.log(`ingest ratio ${ratio.toFixed(2)}`);
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
