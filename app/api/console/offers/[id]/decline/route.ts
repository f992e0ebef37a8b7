import { declineOffer } from '@/lib/conversations/offers/respond-to-offer';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  await declineOffer({ offerId: (await params).id, agent });
  return json({ ok: true });
});
