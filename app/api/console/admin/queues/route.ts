import { createQueue, listQueues } from '@/lib/admin/manage-queues';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  await consoleAdmin(request);
  return reply(consoleApi.adminQueues, { items: await listQueues() });
});

export const POST = handle(async (request) => {
  const admin = await consoleAdmin(request);
  const { name } = await readJson(request, consoleApi.createQueue.body, 2000);
  return reply(consoleApi.createQueue, await createQueue(name, admin), { status: 201 });
});
