import { z } from 'zod';
import { badRequest } from '../errors/app-error';
import type { ReportQuery } from '../protocol/console';
import type { ReportFilter } from '../db/sql/reports';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** An instant with its offset, or a date (midnight UTC). */
const isoInstant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

function instantOf(name: 'from' | 'to', value: string | undefined): Date {
  const parsed = isoInstant.safeParse(value);
  if (!parsed.success) throw badRequest('BadPeriod', `\`${name}\` must be an ISO 8601 date or date-time (got ${JSON.stringify(value ?? null)}).`);
  return new Date(parsed.data);
}

/** The report's period [from, to) and filters, or `BadPeriod` / `PeriodTooLong`. */
export function reportFilter(query: ReportQuery): ReportFilter {
  const from = instantOf('from', query.from);
  const to = instantOf('to', query.to);
  if (from >= to) throw badRequest('BadPeriod', '`from` must be before `to`.');
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw badRequest('PeriodTooLong', `A report covers at most ${MAX_DAYS} days.`);
  return { from, to, queueId: query.queue, channel: query.channel, agentId: query.agent, labelId: query.label };
}
