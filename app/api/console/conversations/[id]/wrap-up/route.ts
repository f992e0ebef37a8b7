import { z } from 'zod';
import { addWrapUpNote } from '@/lib/conversations/add-wrap-up';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ note: z.string().trim().min(1).max(4000) }).strict();

/** The wrap-up note after `End conversation`. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { note } = await readJson(request, body, 20_000);
  return json(await addWrapUpNote({ conversationId: (await params).id, agent, note }));
});
