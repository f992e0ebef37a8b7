import { consoleAgent } from '@/lib/http/console-request';
import { pendingOffersFor } from '@/lib/conversations/offers/respond-to-offer';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** Offers, transfer and consult requests waiting for the signed-in agent's answer. */
export const GET = handle(async (request) => {
  const agent = await consoleAgent(request);
  return reply(consoleApi.offers, { items: await pendingOffersFor(agent.id) });
});
