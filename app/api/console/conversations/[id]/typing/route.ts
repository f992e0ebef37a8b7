import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';
import { sendAgentTyping } from '@/lib/outbound/send-typing';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  await sendAgentTyping({ conversationId: (await params).id, agent });
  return json({ ok: true }, { status: 202 });
});
