import { customerProfile } from '@/lib/conversations/customer-profile';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await consoleAgent(request);
  return json(await customerProfile((await params).id));
});
