import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';

/**
 * A new agent (password "demo-password") in the queue of that name, made if missing; answers their
 * e-mail, at `domain` (for cleaning up after).
 */
export async function agentInQueue(queueName: string, role: 'agent' | 'admin' = 'agent', domain = 'agents.test'): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@${domain}`;
  const queue = await db().queue.upsert({ where: { name: queueName }, update: {}, create: { name: queueName } });
  await db().agent.create({
    data: { email, displayName: `Test ${role}`, role, passwordHash: await hashPassword('demo-password'), queues: { create: { queueId: queue.id } } },
  });
  return email;
}
