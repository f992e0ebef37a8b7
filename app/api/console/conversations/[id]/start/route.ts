import { startConversation } from '@/lib/conversations/start-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** Seed 003 "start conversation": the rep's first message to someone this conversation's channel can reach. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { customerId, ...message } = await readJson(request, consoleApi.startConversation.body, 50_000);
  const started = await startConversation({ fromConversationId: (await params).id, customerId, agent, message });
  return reply(consoleApi.startConversation, started, { status: 201 });
});
