import { z } from 'zod';
import { setQueueMembers } from '@/lib/admin/manage-queues';
import { consoleAdmin } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ agentIds: z.array(z.uuid()).max(1000) }).strict();

export const PUT = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await consoleAdmin(request);
  const { agentIds } = await readJson(request, body, 100_000);
  return json(await setQueueMembers((await params).id, agentIds));
});
