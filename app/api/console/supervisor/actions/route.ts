import { supervisorActions } from '@/lib/conversations/supervise/overview';
import { consoleSupervisor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** The log of supervisor actions, newest first. */
export const GET = handle(async (request) => {
  await consoleSupervisor(request);
  return reply(consoleApi.supervisorActions, { items: await supervisorActions() });
});
