// Rep sessions live in the database (so any app instance can check them and sign-out revokes them);
// the cookie carries only the session id, sealed by iron-session.
import { randomBytes } from 'node:crypto';
import { db as defaultDb, type Db } from '../db/client';
import { unauthorized } from '../errors/app-error';
import { toAgentView } from '../views/map';
import type { AgentView } from '../views/types';
import { dummyHash, verifyPassword } from './password';

export interface SessionRecord {
  sessionId: string;
  expiresAt: Date;
  agent: AgentView;
}

export async function signIn(
  input: { email: string; password: string; ttlHours: number },
  db: Db = defaultDb(),
): Promise<SessionRecord> {
  const agent = await db.agent.findUnique({ where: { email: input.email.trim().toLowerCase() } });
  const ok = await verifyPassword(agent?.passwordHash ?? (await dummyHash()), input.password);
  if (!agent || !ok || !agent.active) throw unauthorized('Wrong email or password.', 'InvalidCredentials');
  const session = await db.session.create({
    data: {
      id: randomBytes(32).toString('base64url'),
      agentId: agent.id,
      expiresAt: new Date(Date.now() + input.ttlHours * 3_600_000),
    },
  });
  return { sessionId: session.id, expiresAt: session.expiresAt, agent: toAgentView(agent) };
}

export async function findSessionAgent(sessionId: string, db: Db = defaultDb()): Promise<AgentView | null> {
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { agent: true } });
  if (!session || session.expiresAt <= new Date() || !session.agent.active) return null;
  return toAgentView(session.agent);
}

export async function signOut(sessionId: string, db: Db = defaultDb()): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
