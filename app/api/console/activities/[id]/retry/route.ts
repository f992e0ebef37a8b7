import { consoleAgentFor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { retryDelivery } from '@/lib/outbound/retry-delivery';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgentFor(request, { activityId: (await params).id });
  return reply(consoleApi.retryDelivery, await retryDelivery({ activityId: (await params).id, agent }));
});
