import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';
import { retryDelivery } from '@/lib/outbound/retry-delivery';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  return json(await retryDelivery({ activityId: (await params).id, agent }));
});
