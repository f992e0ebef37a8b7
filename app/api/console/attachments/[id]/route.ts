import { attachmentResponse } from '@/lib/attachments/attachment-response';
import { consoleAgent } from '@/lib/http/console-request';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await consoleAgent(request);
  return attachmentResponse((await params).id);
});
