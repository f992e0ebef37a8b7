import { z } from 'zod';
import { env } from '@/lib/config/env';
import { requestConsult } from '@/lib/conversations/consult/request-consult';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ agentId: z.uuid(), note: z.string().trim().max(2000).optional() }).strict();

/** `Consult`: asks a colleague into a private thread on this conversation. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { agentId, note } = await readJson(request, body, 5000);
  return json(
    await requestConsult({
      conversationId: (await params).id,
      agent,
      targetId: agentId,
      note: note || undefined,
      expiresInMs: env().OFFER_TIMEOUT_SECONDS * 1000,
    }),
  );
});
