import { setConversationLabel } from '@/lib/labels/labels';
import { reply } from '@/lib/http/console-contract';
import { consoleAgent } from '@/lib/http/console-request';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

type Params = { params: Promise<{ id: string; labelId: string }> };

export const PUT = handle(async (request, { params }: Params) => {
  const viewer = await consoleAgent(request);
  const { id, labelId } = await params;
  return reply(consoleApi.addLabel, await setConversationLabel({ conversationId: id, labelId, on: true, viewer }));
});

export const DELETE = handle(async (request, { params }: Params) => {
  const viewer = await consoleAgent(request);
  const { id, labelId } = await params;
  return reply(consoleApi.removeLabel, await setConversationLabel({ conversationId: id, labelId, on: false, viewer }));
});
