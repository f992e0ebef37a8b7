import { forbidden } from '@/lib/errors/app-error';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';
import { listFailedDeliveries } from '@/lib/outbound/failed-deliveries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  const agent = await consoleAgent(request);
  if (agent.role === 'agent') throw forbidden('Supervisors only.');
  return json({ items: await listFailedDeliveries() });
});
