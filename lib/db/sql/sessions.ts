// The rep behind a session id, read on every console request and every event stream opened: one
// prepared statement instead of the three the Prisma include would send.
import { sql } from 'kysely';
import type { AgentView } from '../../views/types';
import { sqlPool, type Db } from '../client';
import { rows } from './query';

export async function activeSessionAgent(db: Db, sessionId: string, now = new Date()): Promise<AgentView | null> {
  const [agent] = await rows(
    sqlPool(db),
    // Timestamps travel as UTC text: the columns hold UTC, as Prisma writes them.
    sql<AgentView>`SELECT a.id, a.email, a."displayName", a.role, a.presence,
       ARRAY(SELECT m."queueId" FROM "QueueMember" m WHERE m."agentId" = a.id ORDER BY m."queueId") AS "queueIds"
     FROM "Session" s JOIN "Agent" a ON a.id = s."agentId"
     WHERE s.id = ${sessionId} AND s."expiresAt" > ${now.toISOString()} AND a.active`,
    'active-session-agent',
  );
  return agent ?? null;
}
