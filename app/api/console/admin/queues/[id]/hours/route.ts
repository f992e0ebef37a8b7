import { setQueueHours } from '@/lib/admin/manage-queues';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const PUT = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await consoleAdmin(request);
  const hours = await readJson(request, consoleApi.setQueueHours.body, 100_000);
  return reply(consoleApi.setQueueHours, await setQueueHours((await params).id, hours, admin));
});
