import { rotateSigningKey } from '@/lib/bot/signing-keys';
import { signingKeysView } from '@/lib/bot/signing-keys-view';
import { env } from '@/lib/config/env';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

/** Publishes a new key that signs after BOT_KEY_PREPUBLISH_SECONDS (nothing changes while one waits). */
export const POST = handle(async (request) => {
  const admin = await consoleAdmin(request);
  await rotateSigningKey(env().BOT_KEY_PREPUBLISH_SECONDS, admin);
  return reply(consoleApi.rotateBotSigningKey, await signingKeysView());
});
