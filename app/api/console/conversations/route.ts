import { listConversations } from '@/lib/conversations/list-conversations';
import { readQuery, reply } from '@/lib/http/console-contract';
import { consoleAgent } from '@/lib/http/console-request';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  const agent = await consoleAgent(request);
  const { queue, label, ...params } = readQuery(request, consoleApi.conversations);
  return reply(consoleApi.conversations, await listConversations({ agent, ...params, queueId: queue, labelId: label }));
});
