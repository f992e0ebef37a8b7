import { env } from '@/lib/config/env';
import { requestTransfer } from '@/lib/conversations/transfer/request-transfer';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** `Transfer` to an agent (who accepts or declines) or to a queue, with an optional note. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { note, ...to } = await readJson(request, consoleApi.transfer.body, 5000);
  return reply(consoleApi.transfer,
    await requestTransfer({
      conversationId: (await params).id,
      agent,
      to,
      note: note || undefined,
      expiresInMs: env().OFFER_TIMEOUT_SECONDS * 1000,
    }),
  );
});
