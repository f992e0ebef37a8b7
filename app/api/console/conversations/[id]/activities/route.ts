import { z } from 'zod';
import { getTranscript } from '@/lib/conversations/get-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';
import { canSupervise } from '@/lib/shared/policies';

export const dynamic = 'force-dynamic';

const query = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  // The guard also hides pending conversations.
  const agent = await consoleConversationAgent(request, params);
  const { id } = await params;
  const input = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await getTranscript({ conversationId: id, ...input, withPreviousText: canSupervise(agent) }));
});
