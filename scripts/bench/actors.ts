// The people the live benchmarks play: reps (agents of the default queue, signed in through the real
// sign-in API) and Direct Line customers.
import { createAgent } from '../../lib/admin/manage-agents';
import { createDb } from '../../lib/db/client';
import { DEFAULT_QUEUE, ensureDefaults } from '../../lib/conversations/defaults';
import { BENCH_DIRECTLINE_SECRET } from './app-process';

export const REP_PASSWORD = 'bench-rep-password';

/** `count` new agents in the default queue; returns their emails. */
export async function createReps(databaseUrl: string, prefix: string, count: number): Promise<string[]> {
  const db = createDb(databaseUrl, 2);
  try {
    await ensureDefaults(db);
    const queue = await db.queue.findUniqueOrThrow({ where: { name: DEFAULT_QUEUE } });
    const emails: string[] = [];
    for (let i = 0; i < count; i++) {
      const email = `${prefix}-${i}@bench.test`;
      await createAgent({ email, displayName: `${prefix} ${i}`, role: 'agent', capacity: 5, password: REP_PASSWORD, queueIds: [queue.id] }, 'system', db);
      emails.push(email);
    }
    return emails;
  } finally {
    await db.$disconnect();
  }
}

/** Signs a rep in through the API; returns the `Cookie` header a browser would send. */
export async function signInRep(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/console/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: REP_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

export interface Customer {
  url: string;
  conversationId: string;
  token: string;
  user: { id: string; name: string };
}

export async function startCustomer(url: string, name: string): Promise<Customer> {
  const user = { id: `bench-${name.replace(/\W+/g, '-')}`, name };
  const response = await fetch(`${url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_DIRECTLINE_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (response.status !== 201) throw new Error(`starting a Direct Line conversation answered ${response.status}`);
  const started = (await response.json()) as { conversationId: string; token: string };
  return { url, conversationId: started.conversationId, token: started.token, user };
}

/** One customer message through Direct Line; resolves when the app has answered. */
export async function customerSays(customer: Customer, text: string): Promise<void> {
  const response = await fetch(`${customer.url}/v3/directline/conversations/${customer.conversationId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', from: customer.user, text, channelData: { clientActivityID: `${customer.user.id}-${text}` } }),
  });
  if (!response.ok) throw new Error(`customer message answered ${response.status}`);
  await response.arrayBuffer();
}
