import { consoleReports } from '@/lib/http/console-access';
import { readQuery, reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';
import { listEpisodes } from '@/lib/reports/episodes';
import { reportFilter } from '@/lib/reports/period';

export const dynamic = 'force-dynamic';

/** The period's episodes as JSON: the rows of the CSV export. */
export const GET = handle(async (request) => {
  await consoleReports(request);
  const filter = reportFilter(readQuery(request, consoleApi.reportConversations));
  return reply(consoleApi.reportConversations, { items: await listEpisodes(filter) });
});
