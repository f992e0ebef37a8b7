import { z } from 'zod';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z
  .object({ force: z.boolean().default(false), note: z.string().trim().max(4000).optional() })
  .default({ force: false });

/** `End conversation` (the owner, with an optional wrap-up note) or, with `force`, a supervisor's force close (note: the reason). */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { force, note } = await readJson(request, body, 20_000);
  return json(await closeConversation({ conversationId: (await params).id, agent, force, note: note || undefined }));
});
