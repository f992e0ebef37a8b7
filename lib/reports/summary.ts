import 'server-only';
import { db as defaultDb, type Db } from '../db/client';
import { botCounts, episodeAggregates, nextResponseAggregates, offerCounts, presenceSeconds, type Bucket, type ReportFilter } from '../db/sql/reports';
import type { Aggregate, ReportSummary } from '../protocol/console';
import { roundSeconds } from './episodes';

type EpisodeGroup = Awaited<ReturnType<typeof episodeAggregates>>[number];
type ResponseGroup = Awaited<ReturnType<typeof nextResponseAggregates>>[number];
type Figure = 'wait' | 'firstResponse' | 'handle' | 'nextResponse';
type Stats = Record<`${Figure}${'Count' | 'Mean' | 'Median' | 'P90'}`, number | null>;

/** The key of a group: the same in both aggregate queries. */
const keyOf = (row: { scope: string; queueId: string | null; agentId: string | null; bucket: Date | null }) =>
  `${row.scope}:${row.queueId ?? ''}:${row.agentId ?? ''}:${row.bucket?.toISOString() ?? ''}`;

function figure(stats: Partial<Stats>, name: Figure) {
  return {
    count: stats[`${name}Count`] ?? 0,
    mean: roundSeconds(stats[`${name}Mean`] ?? null),
    median: roundSeconds(stats[`${name}Median`] ?? null),
    p90: roundSeconds(stats[`${name}P90`] ?? null),
  };
}

function aggregate(episodes: EpisodeGroup | undefined, responses: ResponseGroup | undefined): Aggregate {
  const stats: Partial<Stats> = { ...episodes, ...responses };
  return {
    episodes: episodes?.episodes ?? 0,
    abandoned: episodes?.abandoned ?? 0,
    serviceLevel: episodes && episodes.answered > 0 ? episodes.withinServiceLevel / episodes.answered : null,
    withinSla: episodes && episodes.slaSettled > 0 ? episodes.withinSla / episodes.slaSettled : null,
    nextResponseWithinSla: responses && responses.nextSlaSettled > 0 ? responses.nextWithinSla / responses.nextSlaSettled : null,
    csat: {
      answers: episodes?.csatAnswers ?? 0,
      mean: episodes?.csatMean == null ? null : Math.round(episodes.csatMean * 100) / 100,
      satisfied: episodes && episodes.csatAnswers > 0 ? episodes.csatSatisfied / episodes.csatAnswers : null,
    },
    wait: figure(stats, 'wait'),
    firstResponse: figure(stats, 'firstResponse'),
    nextResponse: figure(stats, 'nextResponse'),
    handle: figure(stats, 'handle'),
  };
}

const PRESENCES = ['available', 'busy', 'away', 'offline'] as const;

/**
 * The period's figures (docs/metrics.md): over all its episodes, per queue of entry, per owner and
 * per day or hour of entry (UTC); per agent also their offers and time in each presence.
 */
export async function reportSummary(
  filter: ReportFilter,
  options: { bucket: Bucket; serviceLevelSeconds: number },
  db: Db = defaultDb(),
): Promise<ReportSummary> {
  const now = new Date();
  const [episodeGroups, responseGroups, offers, presence, bot] = await Promise.all([
    episodeAggregates(db, filter, options),
    nextResponseAggregates(db, filter, options.bucket),
    offerCounts(db, filter),
    presenceSeconds(db, filter, now),
    botCounts(db, filter),
  ]);
  const responsesByKey = new Map(responseGroups.map((row) => [keyOf(row), row]));
  const of = (group: EpisodeGroup) => aggregate(group, responsesByKey.get(keyOf(group)));
  const inScope = (scope: string) => episodeGroups.filter((row) => row.scope === scope);

  // Agents: those who owned an episode, had an offer or a presence in the period (one agent, when filtered).
  const agentIds = new Set([
    ...inScope('agent').flatMap((row) => (row.agentId ? [row.agentId] : [])),
    ...offers.map((row) => row.agentId),
    ...presence.map((row) => row.agentId),
  ]);
  if (filter.agentId) for (const id of agentIds) if (id !== filter.agentId) agentIds.delete(id);
  const [agents, queues] = await Promise.all([
    db.agent.findMany({ where: { id: { in: [...agentIds] } }, select: { id: true, displayName: true }, orderBy: { displayName: 'asc' } }),
    db.queue.findMany({ where: { id: { in: inScope('queue').flatMap((row) => (row.queueId ? [row.queueId] : [])) } }, select: { id: true, name: true } }),
  ]);
  const queueNames = new Map(queues.map((queue) => [queue.id, queue.name]));
  const overall = inScope('all')[0];

  return {
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
    serviceLevelSeconds: options.serviceLevelSeconds,
    overall: aggregate(overall, overall && responsesByKey.get(keyOf(overall))),
    queues: inScope('queue').map((row) => ({ queueId: row.queueId, queueName: row.queueId ? (queueNames.get(row.queueId) ?? null) : null, ...of(row) })),
    agents: agents.map((agent) => {
      const group = inScope('agent').find((row) => row.agentId === agent.id);
      const counts = offers.find((row) => row.agentId === agent.id);
      const spent = presence.filter((row) => row.agentId === agent.id);
      return {
        agentId: agent.id,
        agentName: agent.displayName,
        ...(group ? of(group) : aggregate(undefined, undefined)),
        offers: { taken: counts?.taken ?? 0, declined: counts?.declined ?? 0, timedOut: counts?.timedOut ?? 0 },
        presenceSeconds: Object.fromEntries(
          PRESENCES.map((state) => [state, roundSeconds(spent.find((row) => row.presence === state)?.seconds ?? 0) ?? 0]),
        ) as Record<(typeof PRESENCES)[number], number>,
      };
    }),
    series: inScope('bucket')
      .sort((a, b) => a.bucket!.getTime() - b.bucket!.getTime())
      .map((row) => ({ start: row.bucket!.toISOString(), ...of(row) })),
    bot,
  };
}
