import { z } from 'zod';
import { endConsult } from '@/lib/conversations/consult/end-consult';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ agentId: z.uuid() }).strict();

/** A consultant leaves, or the owner ends a consult. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { agentId } = await readJson(request, body, 1000);
  return json(await endConsult({ conversationId: (await params).id, agent, consultantId: agentId }));
});
