import { recordAudit } from '@/lib/audit/record-audit';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db/client';
import { consoleReports } from '@/lib/http/console-access';
import { readQuery } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';
import { episodesCsv } from '@/lib/reports/episodes';
import { reportFilter } from '@/lib/reports/period';

export const dynamic = 'force-dynamic';

/** The period's episodes as CSV (CONTRACT.md "Reports"), streamed a page at a time. */
export const GET = handle(async (request) => {
  const agent = await consoleReports(request);
  const query = readQuery(request, consoleApi.reportConversationsCsv);
  const filter = reportFilter(query);
  await recordAudit(db(), { actor: agent, action: 'report.export', target: 'report:conversations.csv', after: query });
  const name = `conversations-${filter.from.toISOString().slice(0, 10)}-${filter.to.toISOString().slice(0, 10)}.csv`;
  return new Response(episodesCsv(filter, env().REPORT_EXPORT_PAGE_ROWS), {
    headers: { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': `attachment; filename="${name}"` },
  });
});
