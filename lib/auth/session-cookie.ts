import 'server-only';
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { unauthorized } from '../errors/app-error';
import type { AgentView } from '../views/types';
import { type CookieData, sessionOptions } from './session-options';
import { findSessionAgent } from './sessions';

export { SESSION_COOKIE } from './session-options';

async function cookieSession() {
  return getIronSession<CookieData>(await cookies(), sessionOptions());
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
