import { supervisorOverview } from '@/lib/conversations/supervise/overview';
import { consoleSupervisor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** The supervisor's live picture: open conversations, agents, queues. */
export const GET = handle(async (request) => {
  await consoleSupervisor(request);
  return reply(consoleApi.supervisorOverview, await supervisorOverview());
});
