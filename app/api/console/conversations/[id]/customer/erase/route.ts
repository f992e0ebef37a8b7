import { db } from '@/lib/db/client';
import { eraseCustomer } from '@/lib/erasure/erase-customer';
import { consoleAgent } from '@/lib/http/console-request';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** `Erase` in the `Erase customer data` dialog: administrators only (canEraseCustomer). */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleAgent(request);
  return reply(consoleApi.eraseCustomer, await eraseCustomer(db(), (await params).id, agent));
});
