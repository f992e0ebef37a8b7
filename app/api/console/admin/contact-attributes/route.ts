import { createContactAttribute } from '@/lib/contacts/attributes';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request) => {
  const admin = await consoleAdmin(request);
  const attribute = await readJson(request, consoleApi.createContactAttribute.body, 8_000);
  return reply(consoleApi.createContactAttribute, await createContactAttribute(attribute, admin), { status: 201 });
});
