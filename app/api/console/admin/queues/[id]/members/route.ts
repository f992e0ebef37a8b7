import { setQueueMembers } from '@/lib/admin/manage-queues';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const PUT = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await consoleAdmin(request);
  const { agentIds } = await readJson(request, consoleApi.setQueueMembers.body, 100_000);
  return reply(consoleApi.setQueueMembers, await setQueueMembers((await params).id, agentIds, admin));
});
