import { reconnectConversation } from '@/lib/channels/directline/conversations';
import { directLineCaller, handleDirectLine } from '@/lib/channels/directline/http';
import { json } from '@/lib/http/respond';
import { watermarkSchema } from '@/lib/protocol/directline';

export const dynamic = 'force-dynamic';

/** Reconnect: a fresh token and streamUrl (resuming after `watermark`). */
export const GET = handleDirectLine(async (request, { params }: { params: Promise<{ conversationId: string }> }) => {
  const caller = await directLineCaller(request);
  const watermark = watermarkSchema.parse(new URL(request.url).searchParams.get('watermark') || undefined);
  return json(await reconnectConversation(caller, (await params).conversationId, watermark));
});
