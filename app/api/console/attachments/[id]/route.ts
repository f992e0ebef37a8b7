import { attachmentResponse } from '@/lib/attachments/attachment-response';
import { consoleAgentFor } from '@/lib/http/console-access';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The bytes of a stored file (`consoleApi.attachment` in the contract: not JSON, so no answer schema). */
export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await consoleAgentFor(request, { attachmentId: (await params).id });
  return attachmentResponse((await params).id);
});
