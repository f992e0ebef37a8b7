import { withdrawOffer } from '@/lib/conversations/offers/respond-to-offer';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';

/** The rep who asked for a transfer or consult withdraws it before it is answered. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  return json(await withdrawOffer({ offerId: (await params).id, agent }));
});
