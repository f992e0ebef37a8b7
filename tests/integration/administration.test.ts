import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, directLine, startDirectLine } from '../support/clients';
import { FakeChannel } from '../support/fake-channel';
import { waitUntil } from '../support/wait-until';

const admin = () => ConsoleClient.signIn('ada@demo.test');

describe('administration', () => {
  it('creates an agent who can sign in, puts them in a queue (they then see it), and deactivation ends their session', async () => {
    const ada = await admin();
    const queue = await ada.call('POST', '/api/console/admin/queues', { name: `Billing ${randomUUID().slice(0, 6)}` });
    expect(queue.status).toBe(201);
    expect((await ada.call('POST', '/api/console/admin/queues', { name: queue.body.name })).body.error.code).toBe('QueueNameTaken');
    const email = `nora-${randomUUID().slice(0, 6)}@admin.test`;
    const created = await ada.call('POST', '/api/console/admin/agents', {
      email,
      displayName: 'Nora',
      role: 'agent',
      capacity: 3,
      password: 'correct horse battery',
      queueIds: [queue.body.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, displayName: 'Nora', capacity: 3, active: true, queueIds: [queue.body.id] });
    expect((await ada.call('POST', '/api/console/admin/agents', { email, displayName: 'Nora', password: 'correct horse battery' })).status).toBe(409);
    expect((await ada.call('POST', '/api/console/admin/agents', { email: 'x@y.z', displayName: 'Short', password: 'short' })).status).toBe(400);
    const stored = await db().agent.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);

    const nora = await ConsoleClient.signIn(email, 'correct horse battery');
    // Not in General: a General conversation is not hers to see.
    const customer = { id: `nora-customer-${Date.now()}`, name: 'Nora Customer' };
    const start = await startDirectLine(customer);
    await customerSays(start, 'hello', customer);
    expect((await nora.call('GET', `/api/console/conversations/${start.conversationId}`)).status).toBe(403);
    const general = (await ada.call('GET', '/api/console/admin/queues')).body.items.find((q: { name: string }) => q.name === 'General');
    const members = await ada.call('PUT', `/api/console/admin/queues/${general.id}/members`, { agentIds: [...general.memberIds, created.body.id] });
    expect(members.status).toBe(200);
    expect((await nora.call('GET', `/api/console/conversations/${start.conversationId}`)).status).toBe(200);
    await ada.call('PUT', `/api/console/admin/queues/${general.id}/members`, { agentIds: general.memberIds });

    const deactivated = await ada.call('PATCH', `/api/console/admin/agents/${created.body.id}`, { active: false });
    expect(deactivated.body.active).toBe(false);
    expect((await nora.call('GET', '/api/console/me')).status).toBe(401);
    await expect(ConsoleClient.signIn(email, 'correct horse battery')).rejects.toThrow(/401/);
    const adaId = (await ada.call('GET', '/api/console/me')).body.agent.id;
    expect((await ada.call('PATCH', `/api/console/admin/agents/${adaId}`, { active: false })).body.error.code).toBe('SelfLockout');
  });

  it('keeps channel secrets sealed at rest, shows them masked, and the channel uses what was saved', async () => {
    const ada = await admin();
    const receiver = await FakeChannel.start();
    const before = (await db().channel.findFirstOrThrow({ where: { kind: 'custom', name: 'default' } })).settings;
    try {
      const token = `webhook-token-${randomUUID()}`;
      const saved = await ada.call('PUT', '/api/console/admin/channels/custom', { webhookUrl: receiver.url, token });
      expect(saved.status).toBe(200);
      const row = await db().channel.findFirstOrThrow({ where: { kind: 'custom', name: 'default' } });
      expect(JSON.stringify(row.settings)).not.toContain(token);
      expect((row.settings as { token: string }).token).toMatch(/^enc:v1:/);
      const shown = await ada.call('GET', '/api/console/admin/channels');
      expect(shown.body.custom).toMatchObject({ webhookUrl: receiver.url, token: `••••${token.slice(-4)}` });
      expect(JSON.stringify(shown.body)).not.toContain(token);
      expect((await ada.call('PUT', '/api/console/admin/channels/custom', { webhookUrl: 'ftp://nope' })).status).toBe(400);
      expect((await ada.call('PUT', '/api/console/admin/channels/unknown', {})).status).toBe(404);

      // A Direct Line conversation is now relayed to the saved webhook, with the saved token.
      const user = { id: `relay-${Date.now()}`, name: 'Relayed By Settings' };
      const start = await startDirectLine(user);
      await customerSays(start, 'hi', user);
      const alice = await ConsoleClient.signIn('alice@demo.test');
      expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {})).status).toBe(200);
      await receiver.waitFor(() => receiver.bodies().some((body) => body.name === 'AgentAccepted'));
      expect(receiver.requests.find((r) => (r.body as { name?: string }).name === 'AgentAccepted')!.headers.authorization).toBe(`Bearer ${token}`);
    } finally {
      await db().channel.updateMany({ where: { kind: 'custom', name: 'default' }, data: { settings: before ?? {} } });
      await receiver.stop();
    }
  });

  it('rotates Direct Line secrets: a new one works at once and is shown once; a revoked one stops', async () => {
    const ada = await admin();
    const issued = await ada.call('POST', '/api/console/admin/channels/directline/secrets', {});
    expect(issued.status).toBe(201);
    const { id, secret } = issued.body as { id: string; secret: string };
    await waitUntil(async () => (await directLine('/conversations', { method: 'POST', auth: secret, body: {} })).status === 201);
    const listed = await ada.call('GET', '/api/console/admin/channels');
    expect(listed.body.directline.secrets).toContainEqual(expect.objectContaining({ id, hint: `••••${secret.slice(-4)}` }));
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const stored = await db().channel.findFirstOrThrow({ where: { kind: 'directline', name: 'default' } });
    expect(JSON.stringify(stored.settings)).not.toContain(secret);

    expect((await ada.call('DELETE', `/api/console/admin/channels/directline/secrets/${id}`)).status).toBe(200);
    expect((await ada.call('DELETE', `/api/console/admin/channels/directline/secrets/${id}`)).status).toBe(404);
    await waitUntil(async () => (await directLine('/conversations', { method: 'POST', auth: secret, body: {} })).status === 401);
    // The secret from the environment still works.
    expect((await directLine('/conversations', { method: 'POST', body: {} })).status).toBe(201);
  });
});
