import { listCannedResponses } from '@/lib/canned-responses/canned-responses';
import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  await consoleAgent(request);
  return json({ items: await listCannedResponses() });
});
