import { clearSessionCookie } from '@/lib/auth/session-cookie';
import { signOut } from '@/lib/auth/sessions';
import { handle, json } from '@/lib/http/respond';

export const POST = handle(async () => {
  const sessionId = await clearSessionCookie();
  if (sessionId) await signOut(sessionId);
  return json({ ok: true });
});
