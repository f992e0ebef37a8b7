import { z } from 'zod';
import { assignConversation } from '@/lib/conversations/supervise/assign-conversation';
import { consoleSupervisor } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ agentId: z.uuid(), note: z.string().trim().max(2000).optional() }).strict();

/** A supervisor takes the conversation over (their own id) or reassigns it to an agent. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const supervisor = await consoleSupervisor(request);
  const { agentId, note } = await readJson(request, body, 5000);
  return json(await assignConversation({ conversationId: (await params).id, supervisor, agentId, note: note || undefined }));
});
