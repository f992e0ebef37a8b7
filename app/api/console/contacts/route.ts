import { searchContacts } from '@/lib/contacts/contact-view';
import { readQuery, reply } from '@/lib/http/console-contract';
import { consoleAgent } from '@/lib/http/console-request';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  await consoleAgent(request);
  const { q } = readQuery(request, consoleApi.contacts);
  return reply(consoleApi.contacts, { items: await searchContacts(q) });
});
