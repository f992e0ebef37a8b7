// Reports (docs/metrics.md): episodes of a period, as rows (JSON, CSV) and as aggregates.
import { z } from 'zod';
import { instant } from './shared';

export const channelKindSchema = z.enum(['directline', 'connector', 'teams', 'whatsapp', 'custom']);

/**
 * The period and filters every report takes. `from`/`to` stay strings here: the domain checks them
 * (ISO 8601, `from` before `to`, at most 366 days) and answers `BadPeriod`/`PeriodTooLong`.
 */
export const reportQuery = z.object({
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  queue: z.string().min(1).max(100).optional(),
  channel: channelKindSchema.optional(),
  agent: z.string().min(1).max(100).optional(),
  /** Episodes of conversations carrying this label (issue 21: figures by label). */
  label: z.string().min(1).max(100).optional(),
});

export const summaryQuery = reportQuery.extend({ bucket: z.enum(['day', 'hour']).default('day') });

/** `GET /api/console/reports/conversations`: one keyset page of the period's episodes, oldest entry first. */
export const episodePageQuery = reportQuery.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

const seconds = z.number().nullable();

/** One episode: a conversation from entering a queue until it closes. */
export const episodeRowSchema = z.object({
  /** Null once the customer's data was erased (the figures stay). */
  conversationId: z.string().nullable(),
  episode: z.number().int(),
  source: z.enum(['first_message', 'reopen', 'handoff']),
  channel: channelKindSchema,
  queue: z.string().nullable(),
  customer: z.string().nullable(),
  /** The owner's display name (at close, or now while open). */
  agent: z.string().nullable(),
  queuedAt: instant,
  acceptedAt: instant.nullable(),
  firstResponseAt: instant.nullable(),
  closedAt: instant.nullable(),
  waitSeconds: seconds,
  firstResponseSeconds: seconds,
  handleSeconds: seconds,
  customerMessages: z.number().int(),
  agentMessages: z.number().int(),
  transfers: z.number().int(),
  consults: z.number().int(),
  botHandled: z.boolean(),
  abandoned: z.boolean(),
  /** The satisfaction survey's rating (1–5) and comment for this episode; null when not answered. */
  csat: z.number().int().min(1).max(5).nullable(),
  csatComment: z.string().nullable(),
  nextResponses: z.number().int(),
  nextResponseMeanSeconds: seconds,
  nextResponseMaxSeconds: seconds,
  /** Of its next responses, those given by their due instant; null when its queue had no next-response target. */
  nextResponsesWithinSla: z.number().int().nullable(),
});

/** count (of the values present), mean, median and p90, in seconds. */
export const figureStatsSchema = z.object({ count: z.number().int(), mean: seconds, median: seconds, p90: seconds });

export const aggregateSchema = z.object({
  episodes: z.number().int(),
  abandoned: z.number().int(),
  /** Of the episodes whose wait ended (accepted or abandoned), the share accepted within the threshold; null when none. */
  serviceLevel: z.number().min(0).max(1).nullable(),
  /** Of the episodes with a first-response SLA target (met or missed), the share answered within it, in business hours; null when none. */
  withinSla: z.number().min(0).max(1).nullable(),
  /** Of the next responses whose queue had a next-response target, the share given by its due instant (business hours); null when none. */
  nextResponseWithinSla: z.number().min(0).max(1).nullable(),
  /** Satisfaction survey answers of these episodes: how many, their mean rating (1–5), the share rated 4 or 5. */
  csat: z.object({ answers: z.number().int(), mean: z.number().nullable(), satisfied: z.number().min(0).max(1).nullable() }),
  wait: figureStatsSchema,
  firstResponse: figureStatsSchema,
  nextResponse: figureStatsSchema,
  handle: figureStatsSchema,
});

export const presenceSecondsSchema = z.object({ available: z.number(), busy: z.number(), away: z.number(), offline: z.number() });

export const reportSummarySchema = z.object({
  from: instant,
  to: instant,
  serviceLevelSeconds: z.number().int(),
  overall: aggregateSchema,
  queues: z.array(aggregateSchema.extend({ queueId: z.string().nullable(), queueName: z.string().nullable() })),
  agents: z.array(
    aggregateSchema.extend({
      agentId: z.string(),
      agentName: z.string(),
      offers: z.object({ taken: z.number().int(), declined: z.number().int(), timedOut: z.number().int() }),
      presenceSeconds: presenceSecondsSchema,
    }),
  ),
  series: z.array(aggregateSchema.extend({ start: instant })),
  /** Episodes a bot handled before reps, handoffs (episodes begun by a bot's handoff.initiate), bot-only resolutions (docs/metrics.md). */
  bot: z.object({ handled: z.number().int(), handoffs: z.number().int(), resolutions: z.number().int() }),
});

export const episodePageSchema = z.object({
  items: z.array(episodeRowSchema),
  /** Pass back as `cursor` (same period and filters) for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export type EpisodeRow = z.infer<typeof episodeRowSchema>;
export type EpisodePage = z.infer<typeof episodePageSchema>;
export type Aggregate = z.infer<typeof aggregateSchema>;
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type ReportQuery = z.infer<typeof reportQuery>;
