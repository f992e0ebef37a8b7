import { messageTemplates } from '@/lib/conversations/message-templates';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** The approved message templates of the conversation's channel (WhatsApp); an empty list where it has none. */
export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  return reply(consoleApi.templates, { items: await messageTemplates((await params).id, agent) });
});
