import { markConversationRead } from '@/lib/conversations/mark-read';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  await markConversationRead({ conversationId: (await params).id, agent });
  return json({ ok: true });
});
