// DEMO_ACCOUNTS=1: the accounts the contract promises, created once (an existing account is left as is),
// and the default canned responses.
import type { Db } from '../db/client';
import type { AgentRole } from '../db/generated/client';
import { seedCannedResponses } from '../canned-responses/canned-responses';
import { DEFAULT_QUEUE } from '../conversations/defaults';
import { hashPassword } from './password';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: AgentRole }[] = [
  { email: 'alice@demo.test', displayName: 'Alice', role: 'agent' },
  { email: 'bob@demo.test', displayName: 'Bob', role: 'agent' },
  { email: 'sam@demo.test', displayName: 'Sam', role: 'supervisor' },
  { email: 'ada@demo.test', displayName: 'Ada', role: 'admin' },
];

export async function createDemoAccounts(db: Db): Promise<void> {
  const queue = await db.queue.upsert({ where: { name: DEFAULT_QUEUE }, update: {}, create: { name: DEFAULT_QUEUE } });
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.agent.findUnique({ where: { email: account.email }, select: { id: true } });
    const agent =
      existing ?? (await db.agent.create({ data: { ...account, passwordHash: await hashPassword(DEMO_PASSWORD) } }));
    await db.queueMember.upsert({
      where: { queueId_agentId: { queueId: queue.id, agentId: agent.id } },
      update: {},
      create: { queueId: queue.id, agentId: agent.id },
    });
  }
  await seedCannedResponses(db);
}
