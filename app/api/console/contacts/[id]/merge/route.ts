import { mergeContacts } from '@/lib/contacts/merge-contacts';
import { consoleContactEditor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const viewer = await consoleContactEditor(request);
  const { sourceId } = await readJson(request, consoleApi.mergeContacts.body, 2_000);
  return reply(consoleApi.mergeContacts, await mergeContacts({ targetId: (await params).id, sourceId, viewer }));
});
