import { handoffView } from '@/lib/conversations/bot/handoff-view';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** The bot's handoff (context and transcript) or why the bot could not keep the conversation. */
export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  return reply(consoleApi.handoff, await handoffView((await params).id, agent));
});
