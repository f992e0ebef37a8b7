import { env } from '@/lib/config/env';
import { consoleReports } from '@/lib/http/console-access';
import { readQuery, reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';
import { reportFilter } from '@/lib/reports/period';
import { reportSummary } from '@/lib/reports/summary';

export const dynamic = 'force-dynamic';

/** The period's aggregates: overall, per queue, per agent and over time. */
export const GET = handle(async (request) => {
  await consoleReports(request);
  const { bucket, ...query } = readQuery(request, consoleApi.reportSummary);
  const summary = await reportSummary(reportFilter(query), { bucket, serviceLevelSeconds: env().REPORT_SERVICE_LEVEL_SECONDS });
  return reply(consoleApi.reportSummary, summary);
});
