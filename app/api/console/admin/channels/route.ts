import { describeChannelSettings } from '@/lib/channels/channel-settings';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** Channel settings with every secret masked (never shown again in full). */
export const GET = handle(async (request) => {
  await consoleAdmin(request);
  return reply(consoleApi.channelSettings, await describeChannelSettings());
});
