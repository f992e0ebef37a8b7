import 'server-only';
import { getIronSession, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';
import { env, publicUrl, sessionSecret } from '../config/env';
import { unauthorized } from '../errors/app-error';
import type { AgentView } from '../views/types';
import { findSessionAgent } from './sessions';

interface CookieData {
  sessionId?: string;
}

export const SESSION_COOKIE = 'console_session';

function options(): SessionOptions {
  const config = env();
  return {
    password: sessionSecret(config),
    cookieName: SESSION_COOKIE,
    ttl: config.SESSION_TTL_HOURS * 3600,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: publicUrl(config).startsWith('https:'), path: '/' },
  };
}

async function cookieSession() {
  return getIronSession<CookieData>(await cookies(), options());
}

export async function setSessionCookie(sessionId: string): Promise<void> {
  const session = await cookieSession();
  session.sessionId = sessionId;
  await session.save();
}

/** Clears the cookie and returns the session id it held. */
export async function clearSessionCookie(): Promise<string | undefined> {
  const session = await cookieSession();
  const id = session.sessionId;
  session.destroy();
  return id;
}

export async function currentAgent(): Promise<AgentView | null> {
  const { sessionId } = await cookieSession();
  return sessionId ? findSessionAgent(sessionId) : null;
}

export async function requireAgent(): Promise<AgentView> {
  const agent = await currentAgent();
  if (!agent) throw unauthorized('Sign in first.');
  return agent;
}
