import { addWrapUpNote } from '@/lib/conversations/add-wrap-up';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** The wrap-up note after `End conversation`. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { note } = await readJson(request, consoleApi.wrapUp.body, 20_000);
  return reply(consoleApi.wrapUp, await addWrapUpNote({ conversationId: (await params).id, agent, note }));
});
