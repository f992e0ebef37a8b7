import { supervisorOverview } from '@/lib/conversations/supervise/overview';
import { consoleSupervisor } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The supervisor's live picture: open conversations, agents, queues. */
export const GET = handle(async (request) => {
  await consoleSupervisor(request);
  return json(await supervisorOverview());
});
