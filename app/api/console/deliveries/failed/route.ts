import { consoleSupervisor } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';
import { listFailedDeliveries } from '@/lib/outbound/failed-deliveries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  await consoleSupervisor(request);
  return json({ items: await listFailedDeliveries() });
});
