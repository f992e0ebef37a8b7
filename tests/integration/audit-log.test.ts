// The audit log (issue 21): administrators' and supervisors' actions are recorded with who, when,
// what and the settings before and after, secrets masked; administrators read it filtered and as
// CSV; agents and supervisors cannot; nothing edits or deletes an entry, not even the database's
// owner through SQL.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_NAME } from '@/lib/conversations/defaults';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { baseUrl } from '../support/test-env';

let alice: ConsoleClient;
let sam: ConsoleClient;
let ada: ConsoleClient;
let ids: { alice: string; sam: string; ada: string };

interface Entry {
  id: string;
  actorId: string;
  actorName: string;
  actorRole: string | null;
  action: string;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const auditOf = async (query: string): Promise<Entry[]> => {
  const page = await ada.call('GET', `/api/console/admin/audit?${query}`);
  expect(page.status).toBe(200);
  return page.body.items as Entry[];
};

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  sam = await ConsoleClient.signIn('sam@demo.test');
  ada = await ConsoleClient.signIn('ada@demo.test');
  const idOf = async (client: ConsoleClient) => (await client.call('GET', '/api/console/me')).body.agent.id as string;
  ids = { alice: await idOf(alice), sam: await idOf(sam), ada: await idOf(ada) };
});

describe('the audit log', () => {
  it('records an administrator’s changes with before and after, secrets masked', async () => {
    const email = `audited-${randomUUID().slice(0, 6)}@demo.test`;
    const created = await ada.call('POST', '/api/console/admin/agents', { email, displayName: 'Audited Agent', password: 'first-password-123' });
    expect(created.status).toBe(201);
    const agentId = created.body.id as string;
    expect((await ada.call('PATCH', `/api/console/admin/agents/${agentId}`, { capacity: 7, password: 'second-password-456' })).status).toBe(200);
    expect((await ada.call('PUT', '/api/console/admin/channels/teams', { appId: 'audit-app', appPassword: 'teams-super-secret-value' })).status).toBe(200);
    expect((await ada.call('PUT', '/api/console/admin/channels/custom', { webhookUrl: 'https://example.test/hook', token: 'custom-bearer-secret' })).status).toBe(200);
    const issued = await ada.call('POST', '/api/console/admin/channels/directline/secrets', {});
    expect(issued.status).toBe(201);

    const agentEntries = await auditOf(`action=agent.update&actorId=${ids.ada}`);
    expect(agentEntries[0]).toMatchObject({
      actorName: 'Ada',
      actorRole: 'admin',
      target: `agent:${agentId}`,
      before: expect.objectContaining({ capacity: 5, email }),
      after: expect.objectContaining({ capacity: 7, password: '[masked]' }),
    });
    expect((await auditOf('action=agent.create'))[0]).toMatchObject({ target: `agent:${agentId}`, after: expect.objectContaining({ displayName: 'Audited Agent' }) });

    const channels = await auditOf('action=channel.settings');
    expect(channels.find((e) => e.target === 'channel:teams')).toMatchObject({ after: { appId: 'audit-app', appPassword: '[masked]' } });
    expect(channels.find((e) => e.target === 'channel:custom')).toMatchObject({ after: expect.objectContaining({ webhookUrl: 'https://example.test/hook', token: '[masked]' }) });
    // No secret reaches the log in any form: not as given, not sealed.
    const everything = JSON.stringify(await db().auditEntry.findMany({ select: { before: true, after: true } }));
    for (const secret of ['teams-super-secret-value', 'custom-bearer-secret', issued.body.secret as string, 'second-password-456']) {
      expect(everything).not.toContain(secret);
    }
    const sealed = await db().channel.findUniqueOrThrow({ where: { kind_name: { kind: 'teams', name: DEFAULT_CHANNEL_NAME } } });
    expect(everything).not.toContain((sealed.settings as { appPassword: string }).appPassword);
  });

  it('records supervisors’ actions on conversations', async () => {
    const who = { id: `audit-customer-${randomUUID().slice(0, 6)}`, name: 'Audit Customer' };
    const start = await startDirectLine(who);
    await customerSays(start, 'hello', who);
    const id = start.conversationId;
    expect((await alice.call('POST', `/api/console/conversations/${id}/accept`, {})).status).toBe(200);
    expect((await sam.call('POST', `/api/console/conversations/${id}/close`, { force: true, note: 'closing for audit' })).status).toBe(200);
    const [entry] = await auditOf(`action=conversation.forceClose&actorId=${ids.sam}`);
    expect(entry).toMatchObject({ actorName: 'Sam', actorRole: 'supervisor', target: `conversation:${id}`, after: { agentId: ids.alice, note: 'closing for audit' } });
  });

  it('filters by period and pages newest first', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await auditOf(`from=${encodeURIComponent(future)}`)).toEqual([]);
    const all = await auditOf('limit=200');
    expect(all.length).toBeGreaterThanOrEqual(6);
    const first = await ada.call('GET', '/api/console/admin/audit?limit=2');
    const second = await ada.call('GET', `/api/console/admin/audit?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((e: Entry) => e.id)).toEqual(all.slice(0, 4).map((e) => e.id));
    expect((await ada.call('GET', '/api/console/admin/audit?action=nonsense')).status).toBe(400);
    expect((await ada.call('GET', '/api/console/admin/audit?cursor=abc')).status).toBe(400);
  });

  it('exports the filtered log as CSV with the reports’ escaping', async () => {
    const response = await fetch(`${baseUrl()}/api/console/admin/audit.csv?action=channel.settings`, { headers: { Cookie: ada.cookieHeader() } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('at,actor_id,actor,role,action,target,before,after');
    expect(lines.length).toBe(3);
    // JSON holds commas and quotes: quoted, quotes doubled (RFC 4180).
    expect(lines.some((line) => line.includes('"{""appId"":""audit-app"",""appPassword"":""[masked]""}"'))).toBe(true);
  });

  it('is for administrators only, and nothing edits or deletes an entry', async () => {
    for (const rep of [alice, sam]) {
      const refused = await rep.call('GET', '/api/console/admin/audit');
      expect([refused.status, refused.body.error.code]).toEqual([403, 'AdminsOnly']);
      expect((await fetch(`${baseUrl()}/api/console/admin/audit.csv`, { headers: { Cookie: rep.cookieHeader() } })).status).toBe(403);
    }
    for (const method of ['DELETE', 'PATCH', 'PUT', 'POST']) {
      const headers = { Cookie: ada.cookieHeader(), 'Content-Type': 'application/json', Origin: baseUrl() };
      const answer = await fetch(`${baseUrl()}/api/console/admin/audit`, { method, headers, body: method === 'DELETE' ? undefined : '{}' });
      expect(answer.status).toBe(405);
    }
    const count = await db().auditEntry.count();
    await expect(db().auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db().auditEntry.updateMany({ data: { actorName: 'Someone else' } })).rejects.toThrow(/append-only/);
    expect(await db().auditEntry.count()).toBe(count);
    expect(await db().auditEntry.count({ where: { actorName: 'Someone else' } })).toBe(0);
  });
});
