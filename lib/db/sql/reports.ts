// Reports' reads (lib/reports, docs/metrics.md): episodes of a period and their aggregates, from the
// Episode rows alone (plus EpisodeResponse for next responses), never the activities of closed
// episodes. Percentiles are PostgreSQL's `percentile_cont`; every aggregate is over episodes (or,
// for next responses, over responses), never a mean of means.
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../client';
import type { DB } from '../generated/kysely/types';
import { build, rows, type Row } from './query';

export interface ReportFilter {
  from: Date;
  to: Date;
  queueId?: string;
  /** A channel kind (`directline`, `teams`, …). */
  channel?: string;
  /** The episode's owner (at close, or now). */
  agentId?: string;
  /** Episodes of conversations that carry this label (now). */
  labelId?: string;
}

export type Bucket = 'day' | 'hour';

const seconds = (end: string, start: string): RawBuilder<number | null> =>
  sql<number | null>`extract(epoch from (${sql.ref(end)} - ${sql.ref(start)}))::float8`;

export const FIGURES = {
  wait: seconds('e.acceptedAt', 'e.queuedAt'),
  firstResponse: seconds('e.firstResponseAt', 'e.queuedAt'),
  handle: seconds('e.closedAt', 'e.acceptedAt'),
};

type EpisodeQuery = SelectQueryBuilder<DB, 'Episode', object>;

/** The filter's queue, agent, channel and label. */
function narrowed(query: EpisodeQuery, filter: ReportFilter): EpisodeQuery {
  let narrow = query;
  if (filter.queueId) narrow = narrow.where('Episode.queueId', '=', filter.queueId);
  if (filter.agentId) narrow = narrow.where('Episode.ownerId', '=', filter.agentId);
  if (filter.channel) {
    const kind = filter.channel;
    narrow = narrow.where('Episode.channelId', 'in', (eb) => eb.selectFrom('Channel').select('id').where(sql`kind::text`, '=', kind));
  }
  if (filter.labelId) {
    const labelId = filter.labelId;
    narrow = narrow.where('Episode.conversationId', 'in', (eb) => eb.selectFrom('ConversationLabel').select('conversationId').where('labelId', '=', labelId));
  }
  return narrow;
}

/** Episodes that started or closed in [from, to), narrowed by the filter. */
function episodesOf(filter: ReportFilter) {
  const query = build
    .selectFrom('Episode')
    .where((eb) =>
      eb.or([
        eb.and([eb('Episode.queuedAt', '>=', filter.from), eb('Episode.queuedAt', '<', filter.to)]),
        eb.and([eb('Episode.closedAt', '>=', filter.from), eb('Episode.closedAt', '<', filter.to)]),
      ]),
    );
  return build.selectFrom(narrowed(query, filter).selectAll('Episode').as('e'));
}

/** Where a page of episodes starts: after this episode in (queuedAt, id) order. */
export interface EpisodeKey {
  queuedAt: Date;
  id: string;
}

/**
 * The same episodes as `episodesOf`, one page in (queuedAt, id) order. Those that started in the
 * period are read in index order, stopping at the page's end; those that started before it (and
 * closed in it: the few that span `from`) all come first, read whole on (closedAt, queuedAt). The
 * period is never sorted, however many episodes it holds.
 */
function pageOf(filter: ReportFilter, after: EpisodeKey | null, limit: number) {
  const part = (query: EpisodeQuery) =>
    narrowed(query, filter)
      .$if(after !== null, (q) => q.where(sql<boolean>`("queuedAt", id) > (${after!.queuedAt}, ${after!.id}::bigint)`))
      .selectAll('Episode');
  const before = part(
    build.selectFrom('Episode').where('closedAt', '>=', filter.from).where('closedAt', '<', filter.to).where('queuedAt', '<', filter.from),
  );
  const within = part(build.selectFrom('Episode').where('queuedAt', '>=', filter.from).where('queuedAt', '<', filter.to))
    .orderBy('Episode.queuedAt')
    .orderBy('Episode.id')
    .limit(limit);
  return build.selectFrom(sql<Row<'Episode'>>`((${before}) UNION ALL (${within}))`.as('e'));
}

/** One page of the episodes, oldest entry first (then by id), with their figures and the names the CSV shows. */
export async function episodeRows(db: Db, filter: ReportFilter, page: { after: EpisodeKey | null; limit: number }) {
  const query = pageOf(filter, page.after, page.limit)
    .innerJoin('Channel as ch', 'ch.id', 'e.channelId')
    // An erased conversation's episodes keep their figures and name no one (lib/erasure).
    .leftJoin('Conversation as c', 'c.id', 'e.conversationId')
    .leftJoin('Queue as q', 'q.id', 'e.queueId')
    .leftJoin('Agent as o', 'o.id', 'e.ownerId')
    .leftJoin('SatisfactionSurvey as sv', (join) => join.onRef('sv.conversationId', '=', 'e.conversationId').onRef('sv.episode', '=', 'e.number'))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('EpisodeResponse as r')
          .whereRef('r.episodeId', '=', 'e.id')
          .select([
            sql<number>`count(*)::int`.as('count'),
            sql<number | null>`avg(r.seconds)::float8`.as('mean'),
            sql<number | null>`max(r.seconds)::float8`.as('max'),
            sql<number | null>`CASE WHEN count(r."withinSla") > 0 THEN (count(*) FILTER (WHERE r."withinSla"))::int END`.as('withinSla'),
          ])
          .as('nr'),
      (join) => join.onTrue(),
    )
    .select([
      sql<string>`e.id::text`.as('id'),
      'e.conversationId',
      'e.number as episode',
      sql<string>`e.source::text`.as('source'),
      sql<string>`ch.kind::text`.as('channel'),
      'q.name as queue',
      'c.customerName as customer',
      'o.displayName as agent',
      'e.queuedAt',
      'e.acceptedAt',
      'e.firstResponseAt',
      'e.closedAt',
      FIGURES.wait.as('waitSeconds'),
      FIGURES.firstResponse.as('firstResponseSeconds'),
      FIGURES.handle.as('handleSeconds'),
      // An open episode's count is not stored yet: counted now, for the open ones only.
      sql<number>`CASE WHEN e."closedAt" IS NULL THEN (SELECT count(*)::int FROM "Activity" a WHERE a."conversationId" = e."conversationId"
        AND a.seq > e."startSeq" AND a.direction = 'inbound' AND a.type = 'message') ELSE e."customerMessages" END`.as('customerMessages'),
      'e.agentMessages',
      'e.transfers',
      'e.consults',
      'e.botHandled',
      sql<boolean>`(e."closedAt" IS NOT NULL AND e."acceptedAt" IS NULL)`.as('abandoned'),
      'sv.rating as csat',
      'sv.comment as csatComment',
      'nr.count as nextResponses',
      'nr.mean as nextResponseMeanSeconds',
      'nr.max as nextResponseMaxSeconds',
      'nr.withinSla as nextResponsesWithinSla',
    ])
    .orderBy('e.queuedAt')
    .orderBy('e.id')
    .limit(page.limit);
  return rows(db, query);
}

/** count, mean, median and p90 of one figure, as columns named after it. */
function stats<N extends string>(name: N, value: Expression<number | null>) {
  return [
    sql<number>`count(${value})::int`.as(`${name}Count` as `${N}Count`),
    sql<number | null>`avg(${value})::float8`.as(`${name}Mean` as `${N}Mean`),
    sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value})::float8`.as(`${name}Median` as `${N}Median`),
    sql<number | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${value})::float8`.as(`${name}P90` as `${N}P90`),
  ] as const;
}

/** Which group a row of the grouping sets is: the whole period, a queue, an agent or a time bucket. */
interface GroupKey {
  scope: 'all' | 'queue' | 'agent' | 'bucket';
  queueId: string | null;
  agentId: string | null;
  bucket: Date | null;
}

/** The columns every row of `x` (the facts the aggregates read) has, for the grouping sets. */
const GROUPS = [
  sql<GroupKey['scope']>`CASE WHEN grouping(x."queueId") = 0 THEN 'queue' WHEN grouping(x."ownerId") = 0 THEN 'agent'
    WHEN grouping(x.bucket) = 0 THEN 'bucket' ELSE 'all' END`.as('scope'),
  sql<string | null>`CASE WHEN grouping(x."queueId") = 0 THEN x."queueId" END`.as('queueId'),
  sql<string | null>`CASE WHEN grouping(x."ownerId") = 0 THEN x."ownerId" END`.as('agentId'),
  sql<Date | null>`CASE WHEN grouping(x.bucket) = 0 THEN x.bucket END`.as('bucket'),
] as const;

const GROUPING_SETS = sql`GROUPING SETS ((), (x."queueId"), (x."ownerId"), (x.bucket))`;

/**
 * The episodes' columns the groups need. The aggregates read these narrow rows, computed once
 * (a materialised CTE), rather than the episode rows: each grouping set sorts its input again.
 */
const groupColumns = (bucket: Bucket) => ['e.queueId', 'e.ownerId', sql<Date>`date_trunc(${sql.lit(bucket)}, e."queuedAt")`.as('bucket')] as const;

/** Episode figures over the whole period, per queue of entry, per owner and per bucket of entry. */
export async function episodeAggregates(db: Db, filter: ReportFilter, options: { bucket: Bucket; serviceLevelSeconds: number }) {
  const facts = episodesOf(filter)
    .leftJoin('SatisfactionSurvey as sv', (join) =>
      join
        .onRef('sv.conversationId', '=', 'e.conversationId')
        .onRef('sv.episode', '=', 'e.number')
        // Exact, and it spares reading older surveys: every episode here closed at or after `from`
        // if it closed, and its survey went out in the closing transaction (sentAt is that
        // transaction's start; an hour of slack covers a slow one).
        .on('sv.sentAt', '>=', new Date(filter.from.getTime() - 3_600_000)),
    )
    .select([
      ...groupColumns(options.bucket),
      FIGURES.wait.as('wait'),
      FIGURES.firstResponse.as('firstResponse'),
      FIGURES.handle.as('handle'),
      'sv.rating',
      sql<boolean>`e."closedAt" IS NOT NULL AND e."acceptedAt" IS NULL`.as('abandoned'),
      // Service level: of the episodes whose wait ended (accepted or abandoned), those accepted in time.
      sql<boolean>`e."acceptedAt" IS NOT NULL OR e."closedAt" IS NOT NULL`.as('waitEnded'),
      // SLA: of the episodes with a first-response target that was met or missed, those answered by its
      // due instant (counted in the queue's business hours when it was set).
      sql<boolean>`e."firstResponseDueAt" IS NOT NULL AND (e."firstResponseAt" IS NOT NULL OR e."firstResponseBreached")`.as('slaSettled'),
      sql<boolean>`e."firstResponseAt" IS NOT NULL AND NOT e."firstResponseBreached" AND e."firstResponseAt" <= e."firstResponseDueAt"`.as(
        'withinSla',
      ),
    ]);
  const query = build
    .with((wb) => wb('x').materialized(), () => facts)
    .selectFrom('x')
    .select([
      ...GROUPS,
      sql<number>`count(*)::int`.as('episodes'),
      // CSAT: answered surveys, their mean rating, and how many rated 4 or 5.
      sql<number>`count(x.rating)::int`.as('csatAnswers'),
      sql<number | null>`avg(x.rating)::float8`.as('csatMean'),
      sql<number>`(count(*) FILTER (WHERE x.rating >= 4))::int`.as('csatSatisfied'),
      sql<number>`(count(*) FILTER (WHERE x.abandoned))::int`.as('abandoned'),
      sql<number>`(count(*) FILTER (WHERE x."waitEnded"))::int`.as('answered'),
      sql<number>`(count(*) FILTER (WHERE x.wait <= ${options.serviceLevelSeconds}))::int`.as('withinServiceLevel'),
      sql<number>`(count(*) FILTER (WHERE x."slaSettled"))::int`.as('slaSettled'),
      sql<number>`(count(*) FILTER (WHERE x."withinSla"))::int`.as('withinSla'),
      ...stats('wait', sql<number | null>`x.wait`),
      ...stats('firstResponse', sql<number | null>`x."firstResponse"`),
      ...stats('handle', sql<number | null>`x.handle`),
    ])
    .groupBy(GROUPING_SETS);
  return rows(db, query);
}

/** Next responses of those episodes, grouped the same way (each response weighs one). */
export async function nextResponseAggregates(db: Db, filter: ReportFilter, bucket: Bucket) {
  const facts = episodesOf(filter)
    .innerJoin('EpisodeResponse as r', 'r.episodeId', 'e.id')
    .select([...groupColumns(bucket), 'r.seconds', 'r.withinSla']);
  const query = build
    .with((wb) => wb('x').materialized(), () => facts)
    .selectFrom('x')
    .select([
      ...GROUPS,
      ...stats('nextResponse', sql<number>`x.seconds`),
      // Next-response SLA: of the responses whose queue had a target, those given by the due instant.
      sql<number>`count(x."withinSla")::int`.as('nextSlaSettled'),
      sql<number>`(count(*) FILTER (WHERE x."withinSla"))::int`.as('nextWithinSla'),
    ])
    .groupBy(GROUPING_SETS);
  return rows(db, query);
}

/**
 * The bot's part (docs/metrics.md): episodes a bot handled before reps and those that began with a
 * bot's handoff, among the filtered episodes; bot-only resolutions in the period (no queue, no owner:
 * narrowed by the channel only).
 */
export async function botCounts(db: Db, filter: ReportFilter) {
  const episodes = episodesOf(filter).select([
    sql<number>`(count(*) FILTER (WHERE e."botHandled"))::int`.as('handled'),
    sql<number>`(count(*) FILTER (WHERE e.source = 'handoff'))::int`.as('handoffs'),
  ]);
  let resolutions = build
    .selectFrom('BotResolution as b')
    .leftJoin('Conversation as c', 'c.id', 'b.conversationId')
    .leftJoin('Channel as ch', 'ch.id', 'c.channelId')
    .where('b.at', '>=', filter.from)
    .where('b.at', '<', filter.to)
    .select(sql<number>`count(*)::int`.as('resolutions'));
  if (filter.channel) resolutions = resolutions.where(sql`ch.kind::text`, '=', filter.channel);
  const [[counts], [resolved]] = await Promise.all([rows(db, episodes), rows(db, resolutions)]);
  const narrowedAway = Boolean(filter.queueId || filter.agentId);
  return { handled: counts?.handled ?? 0, handoffs: counts?.handoffs ?? 0, resolutions: narrowedAway ? 0 : (resolved?.resolutions ?? 0) };
}

/** Per agent: offers made to them in the period and how each ended. */
export async function offerCounts(db: Db, filter: Pick<ReportFilter, 'from' | 'to'>) {
  const query = build
    .selectFrom('Offer as o')
    .where('o.createdAt', '>=', filter.from)
    .where('o.createdAt', '<', filter.to)
    .groupBy('o.agentId')
    .select([
      'o.agentId',
      sql<number>`(count(*) FILTER (WHERE o.state = 'accepted'))::int`.as('taken'),
      sql<number>`(count(*) FILTER (WHERE o.state = 'declined'))::int`.as('declined'),
      sql<number>`(count(*) FILTER (WHERE o.state = 'expired'))::int`.as('timedOut'),
    ]);
  return rows(db, query);
}

/**
 * Per agent and presence: seconds spent in it within [from, to), up to `now`. A state runs from its
 * change to the next; the one in force at `from` counts from `from`.
 */
export async function presenceSeconds(db: Db, filter: Pick<ReportFilter, 'from' | 'to'>, now: Date) {
  const end = now < filter.to ? now : filter.to;
  const spans = build
    .selectFrom('PresenceChange as p')
    .where('p.at', '<', end)
    .select([
      'p.agentId',
      'p.presence',
      'p.at',
      sql<Date | null>`lead(p.at) OVER (PARTITION BY p."agentId" ORDER BY p.at, p.id)`.as('until'),
    ])
    .as('s');
  const query = build
    .selectFrom(spans)
    .where((eb) => eb.or([eb('s.until', 'is', null), eb('s.until', '>', filter.from)]))
    .groupBy(['s.agentId', 's.presence'])
    .select([
      's.agentId',
      sql<string>`s.presence::text`.as('presence'),
      sql<number>`sum(extract(epoch from (least(coalesce(s.until, ${end}), ${end}) - greatest(s.at, ${filter.from}))))::float8`.as('seconds'),
    ]);
  return rows(db, query);
}
