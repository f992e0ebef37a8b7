import { markConversationRead } from '@/lib/conversations/mark-read';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  await markConversationRead({ conversationId: (await params).id, agent });
  return json({ ok: true });
});
