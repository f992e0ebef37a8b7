import { getConversation } from '@/lib/conversations/get-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  return json(await getConversation((await params).id, agent));
});
