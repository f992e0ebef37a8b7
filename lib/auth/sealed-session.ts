// The session id inside a console_session cookie, for the custom server's own console stream.
// Unsealing costs two key derivations, an HMAC and a decryption (~0.3 ms of CPU); a rep's streams
// reopen with the same cookie (a reconnect storm brings back thousands at once), so a cookie already
// unsealed is looked up instead. The session row stays the authority: it is read on every open.
import { parse } from 'cookie';
import { unsealData } from 'iron-session';
import { type CookieData, SESSION_COOKIE, sessionOptions } from './session-options';

/** Long enough to cover a storm, short against a seal's own expiry (the session row's is checked too). */
const REMEMBER_MS = 5 * 60_000;
const MAX_REMEMBERED = 20_000;

const remembered = new Map<string, { sessionId: string; until: number }>();

export async function sessionIdFromCookies(cookieHeader: string | undefined, now = Date.now()): Promise<string | null> {
  const seal = cookieHeader ? parse(cookieHeader)[SESSION_COOKIE] : undefined;
  if (!seal) return null;
  const known = remembered.get(seal);
  if (known && known.until > now) return known.sessionId;
  remembered.delete(seal);
  const { password, ttl } = sessionOptions();
  const { sessionId } = await unsealData<CookieData>(seal, { password, ttl });
  if (!sessionId) return null; // tampered, expired or from another secret: not remembered
  // Oldest first in a Map: past the cap the longest-remembered cookie goes.
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(seal, { sessionId, until: now + REMEMBER_MS });
  return sessionId;
}
