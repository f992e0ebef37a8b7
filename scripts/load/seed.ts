// Fills a database with load data in batches, each one transaction, resumable: `load_seed.run`
// records the size asked for and how far it got, so a run that was stopped carries on where it was.
import pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import { ensureDefaults } from '../../lib/conversations/defaults';
import { createDb } from '../../lib/db/client';
import {
  ACTIVITIES_SQL,
  CONVERSATIONS_SQL,
  INSERT_ACTIVITIES_SQL,
  INSERT_CONVERSATIONS_SQL,
  INSERT_PARTICIPANTS_SQL,
  REFERENCE_SQL,
  SENTENCES_SQL,
} from './batch-sql';
import { INSERT_EPISODES_SQL, INSERT_SURVEYS_SQL, LOAD_FIRST_RESPONSE_TARGET_SECONDS } from './episode-sql';
import { FIRST_NAMES, LAST_NAMES, WORDS } from './vocabulary';

export interface LoadSize {
  conversations: number;
  activitiesPerConversation: number;
  /** The days the conversations' start times spread over, ending now (730 unless asked). */
  spanDays: number;
}

/** Issue #9's scale: 1M conversations, 20M activities, over two years. */
export const ISSUE_SIZE: LoadSize = { conversations: 1_000_000, activitiesPerConversation: 20, spanDays: 730 };

export const LOAD_PASSWORD = 'load-password';
export const LOAD_QUEUES = ['General', 'Billing', 'Technical support', 'Sales', 'Returns'];
const AGENTS = 50;
const SENTENCES = 20_000;
/** Channel kind of conversation n by n % 10: half Direct Line, then Teams, WhatsApp, Connector. */
const CHANNEL_MIX = ['directline', 'directline', 'directline', 'directline', 'directline', 'teams', 'teams', 'whatsapp', 'whatsapp', 'connector'] as const;

export const agentEmail = (index: number) => `agent${String(index + 1).padStart(2, '0')}@load.test`;
export const SUPERVISOR_EMAIL = 'supervisor@load.test';

export interface SeedResult {
  conversations: number;
  activities: number;
  /** Seconds spent seeding, summed over every run that contributed (a resumed load counts all). */
  seconds: number;
  alreadyLoaded: boolean;
}

interface Run {
  conversations: number;
  activities_per_conversation: number;
  span_days: number;
  anchor: Date;
  done: number;
  seconds: number;
  finished_at: Date | null;
}

export async function seedLoad(url: string, size: LoadSize, options: { batch?: number; log?: (line: string) => void } = {}): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const batch = options.batch ?? 50_000;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let run = await readRun(client, size);
    if (run.finished_at) return { ...(await totals(client)), seconds: run.seconds, alreadyLoaded: true };
    const refs = await createReferenceRows(url);
    await client.query(`SET work_mem = '128MB'`);
    await client.query(SENTENCES_SQL, [WORDS, SENTENCES]);
    await client.query(REFERENCE_SQL, [
      size.conversations, size.activitiesPerConversation, run.anchor, size.spanDays, refs.agentIds, refs.agentNames, refs.queueIds,
      CHANNEL_MIX.map((kind) => refs.channels.get(kind)!), [...CHANNEL_MIX], FIRST_NAMES, LAST_NAMES, SENTENCES,
    ]);
    if (run.done > 0) log(`resuming after ${run.done.toLocaleString('en')} conversations`);
    await deferIndexes(client, log);
    while (run.done < size.conversations) {
      const started = process.hrtime.bigint();
      const start = run.done;
      const end = Math.min(start + batch, size.conversations);
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query(CONVERSATIONS_SQL, [start, end]);
      await client.query(ACTIVITIES_SQL);
      await client.query(INSERT_CONVERSATIONS_SQL);
      const activities = await client.query(INSERT_ACTIVITIES_SQL);
      await client.query(INSERT_PARTICIPANTS_SQL);
      await client.query(INSERT_EPISODES_SQL);
      await client.query(INSERT_SURVEYS_SQL);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await client.query('UPDATE load_seed.run SET done = $1, seconds = seconds + $2', [end, seconds]);
      await client.query('COMMIT');
      run = { ...run, done: end, seconds: run.seconds + seconds };
      const left = ((size.conversations - end) / (end - start)) * seconds;
      log(`${end.toLocaleString('en')}/${size.conversations.toLocaleString('en')} conversations (+${activities.rowCount?.toLocaleString('en')} activities) in ${seconds.toFixed(1)} s; about ${Math.ceil(left / 60)} min left`);
    }
    const vacuumStarted = process.hrtime.bigint();
    await rebuildIndexes(client, log);
    log('VACUUM ANALYZE …');
    for (const table of [...BULK_TABLES, 'Agent', 'Queue', 'QueueMember', 'Channel']) {
      await client.query(`VACUUM ANALYZE "${table}"`);
    }
    const finishSeconds = Number(process.hrtime.bigint() - vacuumStarted) / 1e9;
    await client.query('UPDATE load_seed.run SET seconds = seconds + $1, finished_at = now()', [finishSeconds]);
    return { ...(await totals(client)), seconds: run.seconds + finishSeconds, alreadyLoaded: false };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The load recorded in this database, created when there is none; refuses anything it did not make. */
async function readRun(client: pg.Client, size: LoadSize): Promise<Run> {
  await client.query('CREATE SCHEMA IF NOT EXISTS load_seed');
  await client.query(`CREATE TABLE IF NOT EXISTS load_seed.run (
    conversations int NOT NULL, activities_per_conversation int NOT NULL, anchor timestamptz NOT NULL,
    done int NOT NULL DEFAULT 0, seconds double precision NOT NULL DEFAULT 0, finished_at timestamptz)`);
  // Loads made before the span was a parameter spread over 730 days.
  await client.query('ALTER TABLE load_seed.run ADD COLUMN IF NOT EXISTS span_days int NOT NULL DEFAULT 730');
  const { rows } = await client.query<Run>('SELECT * FROM load_seed.run');
  const existing = rows[0];
  if (existing) {
    if (
      existing.conversations !== size.conversations ||
      existing.activities_per_conversation !== size.activitiesPerConversation ||
      existing.span_days !== size.spanDays
    ) {
      throw new Error(
        `This database holds a load of ${existing.conversations} conversations × ${existing.activities_per_conversation} activities ` +
          `over ${existing.span_days} days (${existing.done} done), not the ${size.conversations} × ${size.activitiesPerConversation} ` +
          `over ${size.spanDays} days asked for. ` +
          'Use another database (without DATABASE_URL each size gets its own) or drop this one.',
      );
    }
    return existing;
  }
  const { rows: count } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Conversation"');
  if (Number(count[0]!.n) > 0) {
    throw new Error(`This database already has ${count[0]!.n} conversations that are not load data: seed:load wants a database of its own.`);
  }
  const { rows: created } = await client.query<Run>(
    'INSERT INTO load_seed.run (conversations, activities_per_conversation, span_days, anchor) VALUES ($1, $2, $3, now()) RETURNING *',
    [size.conversations, size.activitiesPerConversation, size.spanDays],
  );
  return created[0]!;
}

/** The tables each batch fills. */
const BULK_TABLES = ['Conversation', 'Activity', 'Participant', 'Episode', 'EpisodeResponse', 'SatisfactionSurvey'];

/**
 * Secondary indexes of the bulk tables are dropped while loading and built once at the end: 20M
 * random-key inserts into each would take several times longer than one sorted build. Their
 * definitions are kept in load_seed.deferred_index, so a stopped run still rebuilds them.
 */
async function deferIndexes(client: pg.Client, log: (line: string) => void): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS load_seed.deferred_index (name text PRIMARY KEY, definition text NOT NULL)');
  await client.query(`
    INSERT INTO load_seed.deferred_index (name, definition)
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
    ON CONFLICT DO NOTHING`, [BULK_TABLES]);
  const { rows } = await client.query<{ name: string }>('SELECT name FROM load_seed.deferred_index ORDER BY name');
  for (const { name } of rows) await client.query(`DROP INDEX IF EXISTS "${name}"`);
  if (rows.length > 0) log(`indexes deferred until the end: ${rows.map((r) => r.name).join(', ')}`);
}

async function rebuildIndexes(client: pg.Client, log: (line: string) => void): Promise<void> {
  await client.query(`SET maintenance_work_mem = '512MB'`);
  const { rows } = await client.query<{ name: string; definition: string }>('SELECT name, definition FROM load_seed.deferred_index ORDER BY name');
  for (const { name, definition } of rows) {
    const started = process.hrtime.bigint();
    const built = await client.query('SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2', ['public', name]);
    if (built.rowCount === 0) await client.query(definition);
    await client.query('DELETE FROM load_seed.deferred_index WHERE name = $1', [name]);
    log(`index ${name} built in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`);
  }
}

/** Channels, queues, 50 agents (each in two queues) and a supervisor; idempotent. */
async function createReferenceRows(url: string) {
  const db = createDb(url, 2);
  try {
    await ensureDefaults(db);
    const passwordHash = await hashPassword(LOAD_PASSWORD);
    const queues = [];
    for (const name of LOAD_QUEUES) {
      // A first-response target (no calendar) so the reports' "within SLA" has episodes to count.
      const create = { name, firstResponseTargetSeconds: LOAD_FIRST_RESPONSE_TARGET_SECONDS, surveyEnabled: true };
      queues.push(await db.queue.upsert({ where: { name }, update: {}, create }));
    }
    const agents = [];
    for (let i = 0; i < AGENTS; i++) {
      const displayName = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]!.charAt(0)}.`;
      const agent = await db.agent.upsert({ where: { email: agentEmail(i) }, update: {}, create: { email: agentEmail(i), displayName, passwordHash } });
      for (const queue of [queues[i % 5]!, queues[(i + 1) % 5]!]) {
        await db.queueMember.upsert({
          where: { queueId_agentId: { queueId: queue.id, agentId: agent.id } },
          update: {},
          create: { queueId: queue.id, agentId: agent.id },
        });
      }
      agents.push(agent);
    }
    await db.agent.upsert({
      where: { email: SUPERVISOR_EMAIL },
      update: {},
      create: { email: SUPERVISOR_EMAIL, displayName: 'Load Supervisor', role: 'supervisor', passwordHash },
    });
    const channels = new Map((await db.channel.findMany({ where: { name: 'default' } })).map((c) => [c.kind as string, c.id]));
    return { agentIds: agents.map((a) => a.id), agentNames: agents.map((a) => a.displayName), queueIds: queues.map((q) => q.id), channels };
  } finally {
    await db.$disconnect();
  }
}

async function totals(client: pg.Client): Promise<{ conversations: number; activities: number }> {
  // lastSeq is each conversation's activity count: one pass over 1M rows instead of 20M.
  const { rows } = await client.query<{ conversations: string; activities: string }>(
    `SELECT count(*) AS conversations, coalesce(sum("lastSeq"), 0) AS activities FROM "Conversation" WHERE "externalId" LIKE 'load-%'`,
  );
  return { conversations: Number(rows[0]!.conversations), activities: Number(rows[0]!.activities) };
}
