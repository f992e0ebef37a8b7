import { acceptConversation } from '@/lib/conversations/accept-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  await readJson(request, consoleApi.accept.body, 1000);
  return reply(consoleApi.accept, await acceptConversation({ conversationId: (await params).id, agent }));
});
