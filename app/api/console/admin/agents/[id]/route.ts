import { updateAgent } from '@/lib/admin/manage-agents';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** Role, capacity, queues, password, or deactivation (which ends the agent's sessions). */
export const PATCH = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await consoleAdmin(request);
  const { id } = await params;
  return reply(consoleApi.updateAgent, await updateAgent(id, await readJson(request, consoleApi.updateAgent.body, 10_000), admin));
});
