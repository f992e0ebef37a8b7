import { describeChannelSettings } from '@/lib/channels/channel-settings';
import { consoleAdmin } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Channel settings with every secret masked (never shown again in full). */
export const GET = handle(async (request) => {
  await consoleAdmin(request);
  return json(await describeChannelSettings());
});
