import { connectorRoute } from '@/lib/channels/connector/http';
import { createConversation } from '@/lib/channels/connector/service';
import { json, readJson } from '@/lib/http/respond';
import { conversationParametersSchema } from '@/lib/protocol/connector';

export const POST = connectorRoute(async (request) => {
  const params = await readJson(request, conversationParametersSchema, 1_100_000);
  return json(await createConversation(params), { status: 201 });
});
