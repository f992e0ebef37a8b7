import { updateQueue } from '@/lib/admin/manage-queues';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const PATCH = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await consoleAdmin(request);
  const change = await readJson(request, consoleApi.updateQueue.body, 4_000);
  return reply(consoleApi.updateQueue, await updateQueue((await params).id, change, admin));
});
