import { endConsult } from '@/lib/conversations/consult/end-consult';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** A consultant leaves, or the owner ends a consult. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { agentId } = await readJson(request, consoleApi.endConsult.body, 1000);
  return reply(consoleApi.endConsult, await endConsult({ conversationId: (await params).id, agent, consultantId: agentId }));
});
