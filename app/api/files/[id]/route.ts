import { attachmentResponse } from '@/lib/attachments/attachment-response';
import { verifyAttachmentToken } from '@/lib/attachments/signed-url';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** An attachment, for whoever holds a signed link (a channel, a customer's client). */
export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await verifyAttachmentToken(id, new URL(request.url).searchParams.get('token'));
  return attachmentResponse(id);
});
