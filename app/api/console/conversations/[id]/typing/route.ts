import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { sendAgentTyping } from '@/lib/outbound/send-typing';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  await sendAgentTyping({ conversationId: (await params).id, agent });
  return reply(consoleApi.typing, { ok: true }, { status: 202 });
});
