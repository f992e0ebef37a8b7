// Rep sessions live in the database (so any app instance can check them and sign-out revokes them);
// the cookie carries only the session id, sealed by iron-session.
import { randomBytes } from 'node:crypto';
import { db as defaultDb, type Db } from '../db/client';
import { activeSessionAgent } from '../db/sql/sessions';
import { AppError, unauthorized } from '../errors/app-error';
import { agentViewRefs, toAgentView } from '../views/map';
import type { AgentView } from '../views/types';
import { dummyHash, verifyPassword } from './password';

export interface SessionRecord {
  sessionId: string;
  expiresAt: Date;
  agent: AgentView;
}

export const SIGN_IN_LIMIT = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export async function signIn(
  input: { email: string; password: string; ttlHours: number },
  db: Db = defaultDb(),
): Promise<SessionRecord> {
  const email = input.email.trim().toLowerCase();
  // Password guessing is slowed per account, across every instance (the failures live in the database).
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const failures = await db.signInFailure.count({ where: { email, createdAt: { gt: since } } });
  if (failures >= SIGN_IN_LIMIT) {
    throw new AppError('TooManyAttempts', 'Too many failed sign-ins for this account; try again in 15 minutes.', SIGN_IN_WINDOW_MS / 1000);
  }
  const agent = await db.agent.findUnique({ where: { email }, include: agentViewRefs });
  const ok = await verifyPassword(agent?.passwordHash ?? (await dummyHash()), input.password);
  if (!agent || !ok || !agent.active) {
    await db.signInFailure.create({ data: { email } });
    throw unauthorized('Wrong email or password.', 'InvalidCredentials');
  }
  const session = await db.session.create({
    data: {
      id: randomBytes(32).toString('base64url'),
      agentId: agent.id,
      expiresAt: new Date(Date.now() + input.ttlHours * 3_600_000),
    },
  });
  return { sessionId: session.id, expiresAt: session.expiresAt, agent: toAgentView(agent) };
}

export function findSessionAgent(sessionId: string, db: Db = defaultDb()): Promise<AgentView | null> {
  return activeSessionAgent(db, sessionId);
}

export async function signOut(sessionId: string, db: Db = defaultDb()): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
