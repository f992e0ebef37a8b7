import { directLineCaller, handleDirectLine } from '@/lib/channels/directline/http';
import { readUpload, uploadAttachments } from '@/lib/channels/directline/upload';
import { json } from '@/lib/http/respond';

export const POST = handleDirectLine(async (request, { params }: { params: Promise<{ conversationId: string }> }) => {
  const caller = await directLineCaller(request);
  const { conversationId } = await params;
  const userId = new URL(request.url).searchParams.get('userId');
  const upload = await readUpload(request);
  return json(await uploadAttachments(caller, conversationId, userId, upload));
});
