import { acceptOffer } from '@/lib/conversations/offers/respond-to-offer';
import { consoleAgent } from '@/lib/http/console-request';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  return reply(consoleApi.acceptOffer, await acceptOffer({ offerId: (await params).id, agent }));
});
