import { z } from 'zod';
import { env } from '@/lib/config/env';
import { requestTransfer } from '@/lib/conversations/transfer/request-transfer';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.union([
  z.object({ agentId: z.uuid(), note: z.string().trim().max(2000).optional() }).strict(),
  z.object({ queueId: z.uuid(), note: z.string().trim().max(2000).optional() }).strict(),
]);

/** `Transfer` to an agent (who accepts or declines) or to a queue, with an optional note. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { note, ...to } = await readJson(request, body, 5000);
  return json(
    await requestTransfer({
      conversationId: (await params).id,
      agent,
      to,
      note: note || undefined,
      expiresInMs: env().OFFER_TIMEOUT_SECONDS * 1000,
    }),
  );
});
