import { setPresence } from '@/lib/conversations/routing/agent-status';
import { consoleAgent } from '@/lib/http/console-request';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const PUT = handle(async (request) => {
  const agent = await consoleAgent(request);
  const { presence } = await readJson(request, consoleApi.setPresence.body, 1000);
  return reply(consoleApi.setPresence, await setPresence({ agentId: agent.id, presence }));
});
