import { z } from 'zod';
import { listConversations } from '@/lib/conversations/list-conversations';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

const query = z.object({
  filter: z.enum(['mine', 'unassigned', 'all']).default('all'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional(),
  queue: z.uuid().optional(),
});

export const GET = handle(async (request) => {
  const agent = await consoleAgent(request);
  const { queue, ...params } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listConversations({ agent, ...params, queueId: queue }));
});
