import { messageTemplates } from '@/lib/conversations/message-templates';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The approved message templates of the conversation's channel (WhatsApp); an empty list where it has none. */
export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  return json({ items: await messageTemplates((await params).id, agent) });
});
