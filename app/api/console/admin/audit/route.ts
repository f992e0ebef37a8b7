import { listAudit } from '@/lib/audit/list-audit';
import { consoleAdmin } from '@/lib/http/console-access';
import { readQuery, reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** The audit log, newest first (read only: no route edits or deletes an entry). */
export const GET = handle(async (request) => {
  await consoleAdmin(request);
  const { cursor, limit, ...filter } = readQuery(request, consoleApi.auditLog);
  return reply(consoleApi.auditLog, await listAudit(filter, { cursor, limit }));
});
