import { z } from 'zod';
import { acceptConversation } from '@/lib/conversations/accept-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

// `version` (what the rep saw) is accepted for older clients and not needed: the state decides races.
const body = z.object({ version: z.number().int().min(0).optional() }).default({});

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  await readJson(request, body, 1000);
  return json(await acceptConversation({ conversationId: (await params).id, agent }));
});
