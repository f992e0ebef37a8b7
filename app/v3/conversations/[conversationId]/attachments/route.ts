import { connectorRoute } from '@/lib/channels/connector/http';
import { uploadConnectorAttachment } from '@/lib/channels/connector/service';
import { json, readJson } from '@/lib/http/respond';
import { attachmentDataSchema } from '@/lib/protocol/connector';

export const POST = connectorRoute<{ conversationId: string }>(async (request, { conversationId }) => {
  const data = await readJson(request, attachmentDataSchema, 40_000_000);
  return json(await uploadConnectorAttachment(conversationId, data), { status: 201 });
});
