import { signingKeysView } from '@/lib/bot/signing-keys-view';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

/** The published signing keys and what each does now. */
export const GET = handle(async (request) => {
  await consoleAdmin(request);
  return reply(consoleApi.botSigningKeys, await signingKeysView());
});
