import { z } from 'zod';
import { createQueue, listQueues } from '@/lib/admin/manage-queues';
import { consoleAdmin } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

const body = z.object({ name: z.string().trim().min(1).max(100) }).strict();

export const GET = handle(async (request) => {
  await consoleAdmin(request);
  return json({ items: await listQueues() });
});

export const POST = handle(async (request) => {
  await consoleAdmin(request);
  const { name } = await readJson(request, body, 2000);
  return json(await createQueue(name), { status: 201 });
});
