import { consoleAgent } from '@/lib/http/console-request';
import { pendingOffersFor } from '@/lib/conversations/offers/respond-to-offer';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Offers, transfer and consult requests waiting for the signed-in agent's answer. */
export const GET = handle(async (request) => {
  const agent = await consoleAgent(request);
  return json({ items: await pendingOffersFor(agent.id) });
});
