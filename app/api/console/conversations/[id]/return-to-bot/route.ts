import { returnToBot } from '@/lib/conversations/bot/return-to-bot';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** `Return to bot`: the owner (or a supervisor) gives the conversation back to the bot that held it. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  return reply(consoleApi.returnToBot, await returnToBot({ conversationId: (await params).id, agent }));
});
