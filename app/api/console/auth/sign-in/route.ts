import { z } from 'zod';
import { setSessionCookie } from '@/lib/auth/session-cookie';
import { signIn } from '@/lib/auth/sessions';
import { env } from '@/lib/config/env';
import { assertSameOrigin } from '@/lib/http/console-request';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) });

export const POST = handle(async (request) => {
  assertSameOrigin(request);
  const input = await readJson(request, body, 10_000);
  const session = await signIn({ ...input, ttlHours: env().SESSION_TTL_HOURS });
  await setSessionCookie(session.sessionId);
  return json({ agent: session.agent });
});
