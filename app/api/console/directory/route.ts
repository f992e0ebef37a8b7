import { loadDirectory } from '@/lib/conversations/routing/agent-status';
import { consoleAgent } from '@/lib/http/console-request';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** Agents (presence, load) and queues (waiting), for transfer and consult. */
export const GET = handle(async (request) => {
  await consoleAgent(request);
  return reply(consoleApi.directory, await loadDirectory());
});
