import { z } from 'zod';
import { endConsult } from '@/lib/conversations/consult/end-consult';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ agentId: z.uuid() }).strict();

/** A consultant leaves, or the owner ends a consult. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  const { agentId } = await readJson(request, body, 1000);
  return json(await endConsult({ conversationId: (await params).id, agent, consultantId: agentId }));
});
