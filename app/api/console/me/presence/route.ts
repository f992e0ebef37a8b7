import { z } from 'zod';
import { setPresence } from '@/lib/conversations/routing/agent-status';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ presence: z.enum(['available', 'busy', 'away', 'offline']) });

export const PUT = handle(async (request) => {
  const agent = await consoleAgent(request);
  const { presence } = await readJson(request, body, 1000);
  return json(await setPresence({ agentId: agent.id, presence }));
});
