import { z } from 'zod';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ force: z.boolean().default(false) }).default({ force: false });

/** `End conversation` (the owner) or, with `force`, a supervisor's force close. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  const { force } = await readJson(request, body, 1000);
  return json(await closeConversation({ conversationId: (await params).id, agent, force }));
});
