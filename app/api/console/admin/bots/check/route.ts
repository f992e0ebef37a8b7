import { checkBot } from '@/lib/bot/check-bot';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** Sends the bot a signed activity and says how it answered (200 whatever the bot did). */
export const POST = handle(async (request) => {
  await consoleAdmin(request);
  return reply(consoleApi.checkBot, await checkBot(await readJson(request, consoleApi.checkBot.body, 10_000)));
});
