import { issueDirectLineSecret } from '@/lib/channels/channel-settings';
import { consoleAdmin } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';

/** A new Direct Line secret, shown this once; the old ones keep working until revoked (rotation). */
export const POST = handle(async (request) => {
  await consoleAdmin(request);
  return json(await issueDirectLineSecret(), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
