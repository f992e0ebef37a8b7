// `npm run bench:prune`: one pruning pass (lib/retention) over a large event log, with a writer
// appending events the whole time, on a fresh database (BENCH_DATABASE_URL's server, else the
// embedded bench server). BENCH_PRUNE_EVENTS rows (1,000,000) spread evenly over 30 days, so with
// EVENT_RETENTION_DAYS 7 about 23/30 of them are due. Prints its markdown for docs/performance.md "Pruning".
import pg from 'pg';
import { parseEnv } from '../lib/config/env';
import { createDb } from '../lib/db/client';
import { pruneTables } from '../lib/retention/prune-tables';
import { benchDatabase, percentile } from './bench/database';
import { runScript } from './run-script';

const EVENTS = Number(process.env.BENCH_PRUNE_EVENTS ?? 1_000_000);
const QUIET_MS = 5_000;

/** Inserts one event at a time, as a conversation's change does, until stopped; each insert's latency in ms. */
function writer(url: string) {
  const client = new pg.Client({ connectionString: url });
  const latencies: number[] = [];
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      const started = performance.now();
      await client.query(`INSERT INTO "Event" (type, payload, "createdAt") VALUES ('agent.updated', $1, now() AT TIME ZONE 'UTC')`, [
        JSON.stringify({ type: 'agent.updated', agent: { id: 'bench', status: 'available' } }),
      ]);
      latencies.push(performance.now() - started);
    }
    await client.end();
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return latencies;
    },
  };
}

const summary = (latencies: number[], ms: number) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${Math.round((latencies.length / ms) * 1000)} inserts/s, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
};

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  const config = parseEnv({ ...process.env, SESSION_SECRET: 'bench-session-secret-0123456789abcdef012345' });
  const database = await benchDatabase();
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    const seeded = performance.now();
    // Ids grow with time, as they do live: the oldest rows get the lowest ids.
    await admin.query(
      `INSERT INTO "Event" (type, "conversationId", payload, "createdAt")
       SELECT 'activity.created', NULL,
         jsonb_build_object('type', 'activity.created', 'conversationId', 'c' || (n % 50000), 'activity',
           jsonb_build_object('id', md5(n::text), 'text', repeat('x', 120), 'author', 'customer')),
         (now() AT TIME ZONE 'UTC') - make_interval(secs => ($1::int - n) * (30.0 * 86400 / $1::int))
       FROM generate_series(1, $1::int) AS n`,
      [EVENTS],
    );
    await admin.query('VACUUM ANALYZE "Event"');
    const cutoff = new Date(Date.now() - config.EVENT_RETENTION_DAYS * 86_400_000);
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "Event" WHERE "createdAt" < $1::timestamp(3)`, [cutoff.toISOString()]);
    console.log(`[prune] seeded ${EVENTS} events (${rows[0].n} older than ${config.EVENT_RETENTION_DAYS} days) in ${Math.round(performance.now() - seeded)} ms`);

    const quiet = writer(database.url);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const quietLatencies = await quiet.stop();

    const db = createDb(database.url, 1);
    const during = writer(database.url);
    const started = performance.now();
    const counts = await pruneTables(db, config, () => false);
    const elapsed = performance.now() - started;
    const duringLatencies = await during.stop();
    await db.$disconnect();
    const left = (await admin.query(`SELECT count(*)::int AS n FROM "Event" WHERE "createdAt" < $1::timestamp(3)`, [cutoff.toISOString()])).rows[0].n;

    console.log(
      [
        `| ${EVENTS.toLocaleString('en')} events, ${counts.events.toLocaleString('en')} past ${config.EVENT_RETENTION_DAYS} days | batches of ${config.PRUNE_BATCH_ROWS}, pause ${config.PRUNE_PAUSE_MS} ms |`,
        `|---|---|`,
        `| pass | ${(elapsed / 1000).toFixed(1)} s, ${Math.round((counts.events / elapsed) * 1000).toLocaleString('en')} rows/s (pauses included); ${left} old rows left |`,
        `| one-row inserts, ${QUIET_MS / 1000} s before | ${summary(quietLatencies, QUIET_MS)} |`,
        `| one-row inserts during the pass | ${summary(duringLatencies, elapsed)} |`,
      ].join('\n'),
    );
  } finally {
    await admin.end();
    await database.close();
  }
}

runScript(main);
