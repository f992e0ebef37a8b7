import { listContactAttributes } from '@/lib/contacts/attributes';
import { reply } from '@/lib/http/console-contract';
import { consoleAgent } from '@/lib/http/console-request';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  await consoleAgent(request);
  return reply(consoleApi.contactAttributes, { items: await listContactAttributes() });
});
