import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '@/lib/activities/send-agent-message';
import { reviseAgentMessage } from '@/lib/activities/revise-agent-message';
import { consoleAgentFor } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const edit = z.object({ text: z.string().trim().min(1, 'the message is empty').max(MAX_MESSAGE_CHARS) });

type Context = { params: Promise<{ id: string }> };

/** The rep edits a message they sent. */
export const PATCH = handle(async (request, { params }: Context) => {
  const agent = await consoleAgentFor(request, { activityId: (await params).id });
  const { text } = await readJson(request, edit, 200_000);
  return json(await reviseAgentMessage({ activityId: (await params).id, agent, revision: { kind: 'edit', text } }));
});

/** The rep deletes a message they sent (kept for supervisors). */
export const DELETE = handle(async (request, { params }: Context) => {
  const agent = await consoleAgentFor(request, { activityId: (await params).id });
  return json(await reviseAgentMessage({ activityId: (await params).id, agent, revision: { kind: 'delete' } }));
});
