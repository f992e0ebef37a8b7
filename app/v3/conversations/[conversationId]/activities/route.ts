import { connectorRoute } from '@/lib/channels/connector/http';
import { postConnectorActivity } from '@/lib/channels/connector/service';
import { parseActivity } from '@/lib/channels/parse-activity';
import { json, readText } from '@/lib/http/respond';

export const POST = connectorRoute<{ conversationId: string }>(async (request, { conversationId }) => {
  const activity = parseActivity(await readText(request, 1_100_000));
  return json(await postConnectorActivity(conversationId, activity), { status: 201 });
});
