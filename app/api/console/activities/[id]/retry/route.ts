import { consoleAgentFor } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';
import { retryDelivery } from '@/lib/outbound/retry-delivery';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgentFor(request, { activityId: (await params).id });
  return json(await retryDelivery({ activityId: (await params).id, agent }));
});
