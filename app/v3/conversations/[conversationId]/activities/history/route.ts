import { connectorRoute } from '@/lib/channels/connector/http';
import { importHistory } from '@/lib/channels/connector/service';
import { json, readJson } from '@/lib/http/respond';
import { transcriptSchema } from '@/lib/protocol/connector';

export const POST = connectorRoute<{ conversationId: string }>(async (request, { conversationId }) => {
  const { activities } = await readJson(request, transcriptSchema, 8_000_000);
  return json(await importHistory(conversationId, activities), { status: 201 });
});
