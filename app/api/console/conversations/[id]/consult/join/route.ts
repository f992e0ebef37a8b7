import { z } from 'zod';
import { addConsultantToConversation } from '@/lib/conversations/consult/add-consultant';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ agentId: z.uuid() }).strict();

/** The owner adds a consultant to the customer conversation. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { agentId } = await readJson(request, body, 1000);
  return json(await addConsultantToConversation({ conversationId: (await params).id, agent, consultantId: agentId }));
});
