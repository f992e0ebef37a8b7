import { contactView } from '@/lib/contacts/contact-view';
import { reply } from '@/lib/http/console-contract';
import { consoleAgent } from '@/lib/http/console-request';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  return reply(consoleApi.contact, await contactView((await params).id, agent));
});
