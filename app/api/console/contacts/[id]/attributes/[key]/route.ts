import { setContactAttribute } from '@/lib/contacts/attributes';
import { consoleContactEditor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const PUT = handle(async (request, { params }: { params: Promise<{ id: string; key: string }> }) => {
  const viewer = await consoleContactEditor(request);
  const { value } = await readJson(request, consoleApi.setContactAttribute.body, 8_000);
  const { id, key } = await params;
  return reply(consoleApi.setContactAttribute, await setContactAttribute({ contactId: id, key, value, viewer }));
});
