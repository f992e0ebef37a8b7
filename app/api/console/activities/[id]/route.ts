import { reviseAgentMessage } from '@/lib/activities/revise-agent-message';
import { consoleAgentFor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

type Context = { params: Promise<{ id: string }> };

/** The rep edits a message they sent. */
export const PATCH = handle(async (request, { params }: Context) => {
  const agent = await consoleAgentFor(request, { activityId: (await params).id });
  const { text } = await readJson(request, consoleApi.editMessage.body, 200_000);
  return reply(consoleApi.editMessage, await reviseAgentMessage({ activityId: (await params).id, agent, revision: { kind: 'edit', text } }));
});

/** The rep deletes a message they sent (kept for supervisors). */
export const DELETE = handle(async (request, { params }: Context) => {
  const agent = await consoleAgentFor(request, { activityId: (await params).id });
  return reply(consoleApi.deleteMessage, await reviseAgentMessage({ activityId: (await params).id, agent, revision: { kind: 'delete' } }));
});
