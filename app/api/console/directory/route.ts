import { loadDirectory } from '@/lib/conversations/routing/agent-status';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Agents (presence, load) and queues (waiting), for transfer and consult. */
export const GET = handle(async (request) => {
  await consoleAgent(request);
  return json(await loadDirectory());
});
