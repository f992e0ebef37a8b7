import { env } from '@/lib/config/env';
import { requestConsult } from '@/lib/conversations/consult/request-consult';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** `Consult`: asks a colleague into a private thread on this conversation. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { agentId, note } = await readJson(request, consoleApi.consult.body, 5000);
  return reply(consoleApi.consult,
    await requestConsult({
      conversationId: (await params).id,
      agent,
      targetId: agentId,
      note: note || undefined,
      expiresInMs: env().OFFER_TIMEOUT_SECONDS * 1000,
    }),
  );
});
