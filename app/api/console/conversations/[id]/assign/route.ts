import { assignConversation } from '@/lib/conversations/supervise/assign-conversation';
import { consoleSupervisor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** A supervisor takes the conversation over (their own id) or reassigns it to an agent. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const supervisor = await consoleSupervisor(request);
  const { agentId, note } = await readJson(request, consoleApi.assign.body, 5000);
  return reply(consoleApi.assign, await assignConversation({ conversationId: (await params).id, supervisor, agentId, note: note || undefined }));
});
