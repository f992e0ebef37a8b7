import { fileNameFromHeader, MAX_ATTACHMENT_BYTES, storeAttachment } from '@/lib/attachments/store-attachment';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { readBytes } from '@/lib/http/read-bytes';
import { consoleApi } from '@/lib/protocol/console';

/** The file is the raw body; its name travels URL-encoded in `X-File-Name`. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await consoleConversationAgent(request, params);
  const bytes = await readBytes(request, MAX_ATTACHMENT_BYTES);
  const name = fileNameFromHeader(request.headers.get('x-file-name'));
  const contentType = request.headers.get('content-type') || 'application/octet-stream';
  return reply(consoleApi.uploadAttachment, await storeAttachment({ conversationId: (await params).id, bytes, contentType, name }), { status: 201 });
});
