import { issueDirectLineSecret } from '@/lib/channels/channel-settings';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** A new Direct Line secret, shown this once; the old ones keep working until revoked (rotation). */
export const POST = handle(async (request) => {
  const admin = await consoleAdmin(request);
  return reply(consoleApi.issueDirectLineSecret, await issueDirectLineSecret(admin), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
