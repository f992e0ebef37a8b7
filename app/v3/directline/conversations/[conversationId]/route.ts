import { reconnectConversation } from '@/lib/channels/directline/conversations';
import { directLineCaller } from '@/lib/channels/directline/http';
import { handle, json } from '@/lib/http/respond';
import { watermarkSchema } from '@/lib/protocol/directline';

export const dynamic = 'force-dynamic';

/** Reconnect: a fresh token and streamUrl (resuming after `watermark`). */
export const GET = handle(async (request, { params }: { params: Promise<{ conversationId: string }> }) => {
  const caller = await directLineCaller(request);
  const watermark = watermarkSchema.parse(new URL(request.url).searchParams.get('watermark') || undefined);
  return json(await reconnectConversation(caller, (await params).conversationId, watermark));
});
