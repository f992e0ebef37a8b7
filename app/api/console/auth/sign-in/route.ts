import { setSessionCookie } from '@/lib/auth/session-cookie';
import { signIn } from '@/lib/auth/sessions';
import { env } from '@/lib/config/env';
import { assertSameOrigin } from '@/lib/http/console-request';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request) => {
  assertSameOrigin(request);
  const input = await readJson(request, consoleApi.signIn.body, 10_000);
  const session = await signIn({ ...input, ttlHours: env().SESSION_TTL_HOURS });
  await setSessionCookie(session.sessionId);
  return reply(consoleApi.signIn, { agent: session.agent });
});
