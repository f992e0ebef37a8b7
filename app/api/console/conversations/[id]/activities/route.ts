import { z } from 'zod';
import { getConversation, getTranscript } from '@/lib/conversations/get-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

const query = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { id } = await params;
  await getConversation(id);
  const input = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await getTranscript({ conversationId: id, ...input, withPreviousText: agent.role !== 'agent' }));
});
