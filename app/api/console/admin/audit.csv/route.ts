import { auditCsv } from '@/lib/audit/list-audit';
import { env } from '@/lib/config/env';
import { consoleAdmin } from '@/lib/http/console-access';
import { readQuery } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** The filtered audit log as RFC 4180 CSV, streamed a page at a time. */
export const GET = handle(async (request) => {
  await consoleAdmin(request);
  return new Response(auditCsv(readQuery(request, consoleApi.auditLogCsv), env().REPORT_EXPORT_PAGE_ROWS), {
    headers: { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': 'attachment; filename="audit-log.csv"' },
  });
});
