import { closeConversation } from '@/lib/conversations/close-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** `End conversation` (the owner, with an optional wrap-up note) or, with `force`, a supervisor's force close (note: the reason). */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { force, note } = await readJson(request, consoleApi.close.body, 20_000);
  return reply(consoleApi.close, await closeConversation({ conversationId: (await params).id, agent, force, note: note || undefined }));
});
