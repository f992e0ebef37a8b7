import { sendAgentMessage } from '@/lib/activities/send-agent-message';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { metrics } from '@/lib/metrics/registry';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const input = await readJson(request, consoleApi.sendMessage.body, 200_000);
  const activity = await sendAgentMessage({ conversationId: (await params).id, agent, ...input });
  metrics().agentMessages.inc();
  return reply(consoleApi.sendMessage, activity, { status: 201 });
});
