// Reports at scale (issue 18): a supervisor's report requests over HTTP on the load database, for
// the load's newest 30 days. The goal is p95 ≤ 200 ms for the summary (docs/metrics.md).
import pg from 'pg';
import { agentEmail, LOAD_QUEUES, SUPERVISOR_EMAIL, type LoadSize } from '../load/seed';
import { REPORT_FIXES } from './report-fixes';
import { Rep, SAMPLES, time, type Timing } from './signed-in-requests';

const DAY_MS = 86_400_000;
/** The page the /reports drill-down asks for first (the endpoint's default). */
const PAGE = 500;

export interface ReportsResult {
  from: Date;
  to: Date;
  /** Episodes that started or closed in the period, and those of the queue and agent measured. */
  episodes: { all: number; queue: number; agent: number };
  rows: { name: string; timing: Timing | null }[];
}

/** The period (the 30 days up to the load's newest conversation) and what it holds, read in SQL: not measured. */
async function period(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: run } = await client.query<{ anchor: Date }>('SELECT anchor FROM load_seed.run');
    const to = new Date(Math.ceil(run[0]!.anchor.getTime() / 60_000) * 60_000);
    const from = new Date(to.getTime() - 30 * DAY_MS);
    const ids = await client.query<{ queue: string; agent: string }>(
      `SELECT (SELECT id FROM "Queue" WHERE name = $1) AS queue, (SELECT id FROM "Agent" WHERE email = $2) AS agent`,
      [LOAD_QUEUES[1], agentEmail(0)],
    );
    const { queue, agent } = ids.rows[0]!;
    const { rows } = await client.query<{ all: number; queue: number; agent: number }>(
      `SELECT count(*)::int AS all, (count(*) FILTER (WHERE "queueId" = $3))::int AS queue, (count(*) FILTER (WHERE "ownerId" = $4))::int AS agent
       FROM "Episode" WHERE ("queuedAt" >= $1 AND "queuedAt" < $2) OR ("closedAt" >= $1 AND "closedAt" < $2)`,
      [from, to, queue, agent],
    );
    return { from, to, queue, agent, episodes: rows[0]! };
  } finally {
    await client.end();
  }
}

export async function measureReports(baseUrl: string, databaseUrl: string): Promise<ReportsResult> {
  const supervisor = await Rep.signIn(baseUrl, SUPERVISOR_EMAIL);
  const { from, to, queue, agent, episodes } = await period(databaseUrl);
  const range = { from: from.toISOString(), to: to.toISOString() };
  const summary = (extra: Record<string, string> = {}) => `/api/console/reports/summary?${new URLSearchParams({ ...range, ...extra })}`;
  const page = `/api/console/reports/conversations?${new URLSearchParams({ ...range, limit: String(PAGE) })}`;
  const rows = [
    { name: 'report summary: all queues', timing: await time(supervisor, [summary()]) },
    { name: `report summary: queue ${LOAD_QUEUES[1]}`, timing: await time(supervisor, [summary({ queue })]) },
    { name: 'report summary: one agent (agent 1)', timing: await time(supervisor, [summary({ agent })]) },
    { name: `report episodes: first page (${PAGE} rows)`, timing: await time(supervisor, [page]) },
  ];
  return { from, to, episodes, rows };
}

export function reportsMarkdown(result: ReportsResult, size: LoadSize): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const day = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');
  return [
    '## Scale: reports over 30 days',
    '',
    `The same load (${size.conversations.toLocaleString('en')} conversations over ${size.spanDays} days; each out of pending is in one episode, ` +
      'its figures from its activities, a next response per later rep reply, a survey on a third of the closed ones, seven in ten answered), ' +
      `the real app over HTTP as the supervisor, one request at a time, ${SAMPLES} samples each after a warm-up. ` +
      `Period ${day(result.from)} – ${day(result.to)} UTC: ${result.episodes.all.toLocaleString('en')} episodes ` +
      `(queue ${LOAD_QUEUES[1]} ${result.episodes.queue.toLocaleString('en')}, agent 1 ${result.episodes.agent.toLocaleString('en')}).`,
    '',
    '| request | p50 | p95 | p99 | p95 ≤ 200 ms |',
    '|---|---|---|---|---|',
    ...result.rows.map(({ name, timing: t }) =>
      t ? `| ${name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${t.p95 <= 200 ? 'yes' : '**no**'} |` : `| ${name} | – | – | – | – |`,
    ),
    '',
    ...REPORT_FIXES,
  ];
}
