import { getTranscript } from '@/lib/conversations/get-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { readQuery, reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';
import { canSupervise } from '@/lib/shared/policies';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  // The guard also hides pending conversations.
  const agent = await consoleConversationAgent(request, params);
  const { id } = await params;
  const input = readQuery(request, consoleApi.transcript);
  return reply(consoleApi.transcript, await getTranscript({ conversationId: id, ...input, withPreviousText: canSupervise(agent) }));
});
