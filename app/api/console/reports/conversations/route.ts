import { consoleReports } from '@/lib/http/console-access';
import { readQuery, reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';
import { listEpisodes } from '@/lib/reports/episodes';
import { reportFilter } from '@/lib/reports/period';

export const dynamic = 'force-dynamic';

/** The period's episodes as JSON, a keyset page at a time: the rows of the CSV export. */
export const GET = handle(async (request) => {
  await consoleReports(request);
  const { cursor, limit, ...query } = readQuery(request, consoleApi.reportConversations);
  return reply(consoleApi.reportConversations, await listEpisodes(reportFilter(query), { cursor, limit }));
});
