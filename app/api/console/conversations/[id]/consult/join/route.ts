import { addConsultantToConversation } from '@/lib/conversations/consult/add-consultant';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** The owner adds a consultant to the customer conversation. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { agentId } = await readJson(request, consoleApi.addConsultant.body, 1000);
  return reply(consoleApi.addConsultant, await addConsultantToConversation({ conversationId: (await params).id, agent, consultantId: agentId }));
});
