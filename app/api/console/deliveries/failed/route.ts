import { consoleSupervisor } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { listFailedDeliveries } from '@/lib/outbound/failed-deliveries';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  await consoleSupervisor(request);
  return reply(consoleApi.failedDeliveries, { items: await listFailedDeliveries() });
});
