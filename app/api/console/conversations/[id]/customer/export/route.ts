import { db } from '@/lib/db/client';
import { exportCustomer } from '@/lib/erasure/export-customer';
import { consoleAgent } from '@/lib/http/console-request';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** Everything held about the customer, as a JSON file: administrators only (canExportCustomer). */
export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  const id = (await params).id;
  return reply(consoleApi.exportCustomer, await exportCustomer(db(), id, agent), {
    headers: { 'content-disposition': `attachment; filename="customer-${id.replace(/[^\w.-]/g, '_')}.json"` },
  });
});
