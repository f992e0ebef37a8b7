import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { db } from '../db/client';

interface Metrics {
  registry: Registry;
  activitiesReceived: Counter<'channel' | 'duplicate'>;
  agentMessages: Counter;
  channelEventsRejected: Counter<'channel'>;
  openStreams: Gauge;
  ingestStatementActivities: Histogram;
  prunedRows: Counter<'table'>;
}

const globalForMetrics = globalThis as unknown as { consoleMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    activitiesReceived: new Counter({
      name: 'console_activities_received_total',
      help: 'Customer activities received, by channel; duplicate="true" for deduplicated replays',
      labelNames: ['channel', 'duplicate'],
      registers: [registry],
    }),
    agentMessages: new Counter({
      name: 'console_agent_messages_total',
      help: 'Messages reps sent',
      registers: [registry],
    }),
    channelEventsRejected: new Counter({
      name: 'console_channel_events_rejected_total',
      help: 'Channel events whose data could not be used, by channel (kept in RejectedEvent; the rest of their delivery is applied)',
      labelNames: ['channel'],
      registers: [registry],
    }),
    openStreams: new Gauge({
      name: 'console_realtime_streams',
      help: 'Console event streams open on this instance',
      registers: [registry],
    }),
    ingestStatementActivities: new Histogram({
      name: 'console_ingest_statement_activities',
      help: 'Customer activities stored per ingest statement: 1 when quiet, more as load rises (lib/activities/activity-batches.ts)',
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers: [registry],
    }),
    prunedRows: new Counter({
      name: 'console_pruned_rows_total',
      help: 'Rows the worker pruned past their retention, by table (events, deliveries, processedEvents, rejectedEvents, …; docs/operations.md "Retention")',
      labelNames: ['table'],
      registers: [registry],
    }),
    ...databaseGauges(registry),
  };
}

export function metrics(): Metrics {
  globalForMetrics.consoleMetrics ??= create();
  return globalForMetrics.consoleMetrics;
}

interface DatabaseFigures {
  pending: number;
  oldestSeconds: number;
  failedLastHour: number;
  queues: { name: string; waiting: number; longestWaitSeconds: number }[];
}

async function readFigures(): Promise<DatabaseFigures> {
  const now = Date.now();
  const [pending, oldest, failed, queues] = await Promise.all([
    db().delivery.count({ where: { status: 'pending' } }),
    db().delivery.findFirst({ where: { status: 'pending', runAt: { lte: new Date() } }, orderBy: { runAt: 'asc' }, select: { runAt: true } }),
    db().delivery.count({ where: { status: 'failed', finishedAt: { gt: new Date(now - 3_600_000) } } }),
    db().queue.findMany({ select: { name: true, conversations: { where: { state: { in: ['queued', 'offered'] } }, select: { queuedAt: true } } } }),
  ]);
  return {
    pending,
    oldestSeconds: oldest ? Math.max(0, (now - oldest.runAt.getTime()) / 1000) : 0,
    failedLastHour: failed,
    queues: queues.map((queue) => ({
      name: queue.name,
      waiting: queue.conversations.length,
      longestWaitSeconds: (now - Math.min(...queue.conversations.map((c) => c.queuedAt?.getTime() ?? now), now)) / 1000,
    })),
  };
}

/** Figures read from the database when scraped (one read per scrape, shared by the gauges): the same on every instance. */
function databaseGauges(registry: Registry) {
  let reading: Promise<DatabaseFigures> | null = null;
  const figures = () => (reading ??= readFigures().finally(() => setTimeout(() => (reading = null), 0)));
  const gauge = (name: string, help: string, set: (gauge: Gauge<string>, figures: DatabaseFigures) => void, labelNames: string[] = []) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const read = await figures();
        this.reset();
        set(this, read);
      },
    });
  return {
    outboxPending: gauge('console_outbox_pending', 'Deliveries waiting to be sent', (g, f) => g.set(f.pending)),
    outboxOldest: gauge('console_outbox_oldest_pending_seconds', 'Age of the oldest delivery still due', (g, f) => g.set(f.oldestSeconds)),
    failedLastHour: gauge('console_deliveries_failed_last_hour', 'Deliveries that gave up in the last hour', (g, f) => g.set(f.failedLastHour)),
    queueWaiting: gauge('console_queue_waiting', 'Conversations waiting in a queue', (g, f) => f.queues.forEach((q) => g.set({ queue: q.name }, q.waiting)), ['queue']),
    queueLongestWait: gauge(
      'console_queue_longest_wait_seconds',
      'How long the longest-waiting conversation of a queue has waited',
      (g, f) => f.queues.forEach((q) => g.set({ queue: q.name }, q.longestWaitSeconds)),
      ['queue'],
    ),
  };
}
