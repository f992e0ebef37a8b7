import { undoMerge } from '@/lib/contacts/merge-contacts';
import { consoleContactEditor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const viewer = await consoleContactEditor(request);
  return reply(consoleApi.undoContactMerge, await undoMerge({ mergeId: (await params).id, viewer }));
});
