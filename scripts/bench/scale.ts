// Scale (issue #9): the real app on a database of 1M conversations and 20M activities (or
// BENCH_SCALE_CONVERSATIONS × BENCH_SCALE_ACTIVITIES_PER_CONVERSATION), seeded first when it is
// missing. The console's own requests over HTTP, one at a time, as a signed-in rep makes them; then
// the console's first load in Chromium. Returns the markdown lines of its section.
import { chromium } from '@playwright/test';
import pg from 'pg';
import { loadDatabaseOn } from '../load/database';
import { agentEmail, ISSUE_SIZE, LOAD_QUEUES, seedLoad, SUPERVISOR_EMAIL, type LoadSize } from '../load/seed';
import { SEARCH_TERMS } from '../load/vocabulary';
import { percentile } from './database';
import { Rep, SAMPLES, time, type Timing } from './signed-in-requests';
import { SCALE_FIXES } from './scale-fixes';
import { startBenchApp } from './app-process';
import { measureReports, reportsMarkdown } from './reports';

const PAGE_LOADS = Number(process.env.BENCH_SCALE_PAGE_LOADS ?? 10);
/** The page sizes the console asks for (components/api/conversations.ts, transcript.ts). */
const LIST_LIMIT = 100;
const TRANSCRIPT_LIMIT = 100;

const list = (params: Record<string, string>) => `/api/console/conversations?${new URLSearchParams({ limit: String(LIST_LIMIT), ...params })}`;
const transcript = (id: string, before?: number) =>
  `/api/console/conversations/${id}/activities?${new URLSearchParams({ ...(before !== undefined && { before: String(before) }), limit: String(TRANSCRIPT_LIMIT) })}`;

/** Conversations with older transcript pages that this agent may open (picked in SQL: not measured). */
async function longConversations(databaseUrl: string, email: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT c.id FROM "Conversation" c
       JOIN "QueueMember" m ON m."queueId" = c."queueId" JOIN "Agent" a ON a.id = m."agentId"
       WHERE a.email = $1 AND c."lastSeq" > $2 AND c.state <> 'pending'
       ORDER BY c."lastActivityAt" DESC LIMIT 20`,
      [email, TRANSCRIPT_LIMIT],
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

interface Row {
  name: string;
  timing: Timing | null;
}

async function measureRequests(baseUrl: string, databaseUrl: string): Promise<{ rows: Row[]; agent: Rep }> {
  const agent = await Rep.signIn(baseUrl, agentEmail(0));
  const supervisor = await Rep.signIn(baseUrl, SUPERVISOR_EMAIL);
  const directory = await agent.get<{ queues: { id: string; name: string }[] }>('/api/console/directory');
  // Agent 1 is in the first two load queues; Billing is the second.
  const billing = directory.queues.find((q) => q.name === LOAD_QUEUES[1])!.id;
  const newest = (await agent.get<{ items: { id: string }[] }>(list({ filter: 'all' }))).items.map((c) => c.id);
  const older = [];
  for (const id of await longConversations(databaseUrl, agentEmail(0))) {
    const first = await agent.get<{ olderCursor: number | null }>(transcript(id));
    if (first.olderCursor !== null) older.push(transcript(id, first.olderCursor));
  }
  const rows: Row[] = [
    { name: 'inbox: Mine', timing: await time(agent, [list({ filter: 'mine' })]) },
    { name: 'inbox: Unassigned', timing: await time(agent, [list({ filter: 'unassigned' })]) },
    { name: 'inbox: All', timing: await time(agent, [list({ filter: 'all' })]) },
    { name: 'inbox: All (supervisor)', timing: await time(supervisor, [list({ filter: 'all' })]) },
    { name: `inbox: queue ${LOAD_QUEUES[1]}`, timing: await time(agent, [list({ filter: 'all', queue: billing })]) },
    { name: `search: customer name, hit (${SEARCH_TERMS.nameHit})`, timing: await time(agent, [list({ filter: 'all', q: SEARCH_TERMS.nameHit })]) },
    { name: `search: customer name, miss (${SEARCH_TERMS.nameMiss})`, timing: await time(agent, [list({ filter: 'all', q: SEARCH_TERMS.nameMiss })]) },
    { name: `search: message text, hit (${SEARCH_TERMS.textHit})`, timing: await time(agent, [list({ filter: 'all', q: SEARCH_TERMS.textHit })]) },
    { name: `search: message text, miss (${SEARCH_TERMS.textMiss})`, timing: await time(agent, [list({ filter: 'all', q: SEARCH_TERMS.textMiss })]) },
    { name: 'transcript: newest page', timing: await time(agent, newest.map((id) => transcript(id))) },
    { name: 'transcript: older page', timing: await time(agent, older) },
  ];
  return { rows, agent };
}

/** A signed-in rep opens the console in a fresh browser profile: navigation until the inbox shows its first row. */
async function measureFirstLoad(rep: Rep): Promise<Timing & { loads: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const [name, value] = rep.cookie.split('=', 2) as [string, string];
  const samples: number[] = [];
  try {
    // One warm-up load compiles nothing on a built app but fills the server's caches.
    for (let i = 0; i <= PAGE_LOADS; i++) {
      const context = await browser.newContext();
      await context.addCookies([{ name, value, url: rep.baseUrl }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(rep.baseUrl);
      await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor({ timeout: 60_000 });
      if (i > 0) samples.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), loads: samples.length };
}

export function scaleSize(): LoadSize {
  return {
    conversations: Number(process.env.BENCH_SCALE_CONVERSATIONS ?? ISSUE_SIZE.conversations),
    activitiesPerConversation: Number(process.env.BENCH_SCALE_ACTIVITIES_PER_CONVERSATION ?? ISSUE_SIZE.activitiesPerConversation),
    spanDays: Number(process.env.BENCH_SCALE_SPAN_DAYS ?? ISSUE_SIZE.spanDays),
  };
}

/** `serverUrl`: any database on the server that holds (or will hold) the load database. */
export async function benchScale(serverUrl: string, size = scaleSize()): Promise<string[]> {
  const log = (line: string) => console.log(`[scale] ${line}`);
  const migrateStarted = performance.now();
  const url = await loadDatabaseOn(serverUrl, size);
  log(`load database ready (migrations ${((performance.now() - migrateStarted) / 1000).toFixed(1)} s)`);
  const seed = await seedLoad(url, size, { log });
  // Reads only: no routing, outbox worker or contact linking changing the data between samples (the
  // linker once wrote ~50k contacts per run into the load, leaving autovacuum work for the next sections).
  const app = await startBenchApp(url, { ROUTING: '0', OUTBOX_WORKER: '0', CONTACT_LINKING: '0' });
  try {
    const { rows, agent } = await measureRequests(app.url, url);
    const reports = await measureReports(app.url, url);
    const firstLoad = await measureFirstLoad(agent);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const goal = (t: Timing) => (t.p95 <= 50 ? 'yes' : '**no**');
    return [
      '## Scale: inbox, search and transcript on a loaded database',
      '',
      `${seed.conversations.toLocaleString('en')} conversations, ${seed.activities.toLocaleString('en')} activities ` +
        `(\`npm run seed:load\`, seeded in ${Math.round(seed.seconds / 60)} min). The real app over HTTP, one request at a time, ` +
        `${SAMPLES} samples each after a warm-up, as agent 1 (two of five queues) unless noted; page sizes as the console asks (${LIST_LIMIT}).`,
      '',
      '| request | p50 | p95 | p99 | p95 ≤ 50 ms |',
      '|---|---|---|---|---|',
      ...rows.map(({ name, timing: t }) =>
        t ? `| ${name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${goal(t)} |` : `| ${name} | – | – | – | none in this load |`,
      ),
      '',
      `Console first load in Chromium (fresh profile, signed in, navigation until the inbox shows its first row), ${firstLoad.loads} loads: ` +
        `p50 ${ms(firstLoad.p50)}, p95 ${ms(firstLoad.p95)}, p99 ${ms(firstLoad.p99)}.`,
      '',
      ...SCALE_FIXES,
      ...reportsMarkdown(reports, size),
    ];
  } finally {
    await app.stop();
  }
}
