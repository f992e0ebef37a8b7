// The session cookie's iron-session settings, shared by the Next.js routes (lib/auth/session-cookie.ts)
// and the custom server's own console stream (lib/server/console-events.ts).
import type { SessionOptions } from 'iron-session';
import { env, publicUrl, sessionSecret } from '../config/env';

export interface CookieData {
  sessionId?: string;
}

export const SESSION_COOKIE = 'console_session';

export function sessionOptions(): SessionOptions {
  const config = env();
  return {
    password: sessionSecret(config),
    cookieName: SESSION_COOKIE,
    ttl: config.SESSION_TTL_HOURS * 3600,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: publicUrl(config).startsWith('https:'), path: '/' },
  };
}
