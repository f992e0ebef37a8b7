// Contacts across channels and labels on conversations (issue 21), driven through the channels'
// own endpoints (Event Grid for WhatsApp, POST /api/messages for Bot Framework channels, Direct
// Line) and the console API; the database only to see where a conversation landed.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { readEvents } from '../support/sse';
import { postToBot, teamsChat } from '../support/teams';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

let alice: ConsoleClient;
let bob: ConsoleClient;
let ada: ConsoleClient;

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  bob = await ConsoleClient.signIn('bob@demo.test');
  ada = await ConsoleClient.signIn('ada@demo.test');
});
afterAll(() => db().$disconnect());

const digits = () => Math.floor(Math.random() * 1e7).toString().padStart(7, '0');

/** A WhatsApp message from `phone` (ACS's AdvancedMessageReceived as Event Grid delivers it: digits, no +). */
async function whatsappFrom(phone: string, text: string) {
  const [base] = JSON.parse(readFileSync(path.resolve('tests/fixtures/acs-advanced-message-received.text.json'), 'utf8'));
  const event = { ...base, id: randomUUID(), data: { ...base.data, from: phone, content: text } };
  const response = await fetch(`${baseUrl()}/api/eventgrid/acs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' },
    body: JSON.stringify([event]),
  });
  expect(response.status).toBe(200);
}

/** A message from a Bot Framework channel other than Teams (`sms`: from.id is the sender's number; `email`: the address). */
async function botFrameworkFrom(channelId: 'sms' | 'email' | 'msteams', from: { id: string; name: string }, text: string) {
  const chat = teamsChat('https://smba.example.test/');
  const activity = chat.activity({ channelId, from, text, conversation: { id: `${channelId}-${randomUUID()}` }, channelData: {} });
  expect((await postToBot(activity)).status).toBeLessThan(300);
  return activity.conversation as { id: string };
}

const conversationWhere = (where: { customerId: string } | { externalId: string }) =>
  waitUntil(() => db().conversation.findFirst({ where, orderBy: { createdAt: 'desc' } }).then((row) => row ?? undefined), 10_000, 'the conversation');

async function contactOf(client: ConsoleClient, conversationId: string) {
  const profile = await client.call('GET', `/api/console/conversations/${conversationId}/customer`);
  expect(profile.status).toBe(200);
  const contactId = profile.body.contactId as string;
  const contact = await client.call('GET', `/api/console/contacts/${contactId}`);
  expect(contact.status).toBe(200);
  return contact.body;
}

describe('contacts across channels', () => {
  it('joins a WhatsApp number and the same number on SMS into one contact, with both conversations', async () => {
    const national = `1555${digits()}`;
    await whatsappFrom(national, 'hello from WhatsApp');
    const onWhatsApp = await conversationWhere({ customerId: national });
    await botFrameworkFrom('sms', { id: `+${national}`, name: `+${national}` }, 'hello from SMS');
    const onSms = await conversationWhere({ customerId: `+${national}` });

    expect(onSms.contactId).toBe(onWhatsApp.contactId);
    const contact = await contactOf(alice, onSms.id);
    expect(contact.identities).toEqual([
      expect.objectContaining({ channel: 'whatsapp', userId: national, verified: { kind: 'phone', value: `+${national}` } }),
      expect.objectContaining({ channel: 'connector', userId: `+${national}`, verified: { kind: 'phone', value: `+${national}` } }),
    ]);
    expect(contact.conversations.map((c: { id: string }) => c.id).sort()).toEqual([onWhatsApp.id, onSms.id].sort());
    expect(new Set(contact.conversations.map((c: { channel: string }) => c.channel))).toEqual(new Set(['whatsapp', 'connector']));

    const found = await alice.call('GET', `/api/console/contacts?q=${encodeURIComponent(`+${national}`)}`);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([contact.id]);
  });

  it('joins the e-mail channel on the address, whatever its case, and never on a display name', async () => {
    const address = `kim.${digits()}@example.com`;
    const first = await botFrameworkFrom('email', { id: address, name: 'Kim' }, 'first mail');
    const second = await botFrameworkFrom('email', { id: address.toUpperCase(), name: 'Kim Again' }, 'second mail');
    const [a, b] = await Promise.all([conversationWhere({ externalId: first.id }), conversationWhere({ externalId: second.id })]);
    expect(a.contactId).toBe(b.contactId);

    // The same display name on Teams (no verified identifier) and on Direct Line: strangers.
    await botFrameworkFrom('msteams', { id: `29:${digits()}`, name: 'Kim' }, 'hi on teams');
    const dlUser = { id: `dl-${digits()}`, name: 'Kim' };
    await customerSays(await startDirectLine(dlUser), 'hi on the web', dlUser);
    const others = await waitUntil(async () => {
      const rows = await db().conversation.findMany({ where: { customerName: 'Kim', id: { notIn: [a.id, b.id] } } });
      return rows.length === 2 && rows;
    });
    expect(new Set([a.contactId, ...others.map((row) => row.contactId)]).size).toBe(3);
  });
});

describe('a Direct Line conversation opened without a user id', () => {
  it('gets the contact of the user its first activity names, shortly after', async () => {
    const user = { id: `dl-late-${digits()}`, name: 'Late Comer' };
    const known = await startDirectLine(user);
    await customerSays(known, 'hello with my id from the start', user);
    const first = await waitUntil(() => db().conversation.findUnique({ where: { id: known.conversationId } }).then((row) => row?.contactId ?? undefined), 10_000, 'the first contact');

    // Web Chat often starts a conversation with no user; the first activity says who writes.
    const anonymous = await startDirectLine();
    await customerSays(anonymous, 'hello again, from another tab', user);
    const linked = await waitUntil(() => db().conversation.findUnique({ where: { id: anonymous.conversationId } }).then((row) => row?.contactId ?? undefined), 15_000, 'the later conversation linked');
    expect(linked).toBe(first);
    const contact = await contactOf(alice, anonymous.conversationId);
    expect((contact.conversations as { id: string }[]).map((conversation) => conversation.id).sort()).toEqual([known.conversationId, anonymous.conversationId].sort());
  });
});

describe('contact attributes', () => {
  it('administrators define them (agents may not), reps set values checked by type', async () => {
    const define = (client: ConsoleClient, body: unknown) => client.call('POST', '/api/console/admin/contact-attributes', body);
    expect((await define(alice, { key: 'tier', label: 'Tier', type: 'choice', options: ['gold', 'silver'] })).body.error.code).toBe('AdminsOnly');
    expect((await define(ada, { key: 'tier', label: 'Tier', type: 'choice', options: [] })).status).toBe(400);
    expect((await define(ada, { key: 'Bad Key', label: 'x', type: 'text' })).status).toBe(400);
    for (const [key, type] of [['orders', 'number'], ['since', 'date'], ['vip', 'boolean'], ['note', 'text']] as const) {
      expect((await define(ada, { key, label: key, type })).status).toBe(201);
    }
    expect((await define(ada, { key: 'tier', label: 'Tier', type: 'choice', options: ['gold', 'silver'] })).status).toBe(201);
    expect((await define(ada, { key: 'tier', label: 'Again', type: 'text' })).body.error.code).toBe('AttributeKeyTaken');

    const user = { id: `attr-${digits()}`, name: 'Attribute Person' };
    const start = await startDirectLine(user);
    await customerSays(start, 'hi', user);
    const { id } = await contactOf(alice, start.conversationId);
    const set = (key: string, value: unknown) => alice.call('PUT', `/api/console/contacts/${id}/attributes/${key}`, { value });
    for (const [key, value] of [['orders', 'many'], ['orders', '12'], ['since', '2024-13-45'], ['vip', 'true'], ['tier', 'bronze'], ['note', '']] as const) {
      const answer = await set(key, value);
      expect(answer.status, `${key} = ${JSON.stringify(value)}`).toBe(400);
    }
    expect((await set('tier', 'bronze')).body.error.code).toBe('InvalidAttributeValue');
    expect((await set('missing', 'x')).status).toBe(404);
    for (const [key, value] of [['orders', 12], ['since', '2024-02-29'], ['vip', true], ['tier', 'gold'], ['note', 'Prefers mornings']] as const) {
      expect((await set(key, value)).status).toBe(200);
    }
    const contact = (await alice.call('GET', `/api/console/contacts/${id}`)).body;
    const values = Object.fromEntries(contact.attributes.map((a: { key: string; value: unknown }) => [a.key, a.value]));
    expect(values).toEqual({ orders: 12, since: '2024-02-29', vip: true, tier: 'gold', note: 'Prefers mornings' });
    expect((await set('note', null)).body.attributes.find((a: { key: string }) => a.key === 'note').value).toBeNull();
    // Attribute values are searchable.
    expect((await alice.call('GET', '/api/console/contacts?q=GOLD')).body.items.map((c: { id: string }) => c.id)).toContain(id);
  });
});

describe('merging contacts', () => {
  it('moves conversations, identities and values (the target wins), and undo restores exactly, even after new conversations', async () => {
    await ada.call('POST', '/api/console/admin/contact-attributes', { key: 'plan', label: 'Plan', type: 'text' });
    await ada.call('POST', '/api/console/admin/contact-attributes', { key: 'city', label: 'City', type: 'text' });
    const people = [{ id: `m-a-${digits()}`, name: 'Target' }, { id: `m-b-${digits()}`, name: 'Source' }];
    const starts = await Promise.all(people.map(async (user) => {
      const start = await startDirectLine(user);
      await customerSays(start, `hi from ${user.name}`, user);
      return start;
    }));
    const [target, source] = await Promise.all(starts.map((start) => contactOf(alice, start.conversationId)));
    const set = (contactId: string, key: string, value: string) => alice.call('PUT', `/api/console/contacts/${contactId}/attributes/${key}`, { value });
    await set(target.id, 'plan', 'pro');
    await set(source.id, 'plan', 'free');
    await set(source.id, 'city', 'Shanghai');

    expect((await alice.call('POST', `/api/console/contacts/${target.id}/merge`, { sourceId: target.id })).body.error.code).toBe('SameContact');
    const merged = await alice.call('POST', `/api/console/contacts/${target.id}/merge`, { sourceId: source.id });
    expect(merged.status).toBe(200);
    const after = merged.body.contact;
    expect(after.conversations.map((c: { id: string }) => c.id).sort()).toEqual(starts.map((s) => s.conversationId).sort());
    expect(after.identities.map((i: { userId: string }) => i.userId).sort()).toEqual(people.map((p) => p.id).sort());
    const valuesOf = (contact: { attributes: { key: string; value: unknown }[] }) =>
      Object.fromEntries(contact.attributes.filter((a) => a.value !== null).map((a) => [a.key, a.value]));
    expect(valuesOf(after)).toMatchObject({ plan: 'pro', city: 'Shanghai' });
    expect(after.merges).toEqual([expect.objectContaining({ id: merged.body.mergeId, sourceId: source.id, sourceName: 'Source' })]);
    expect((await alice.call('GET', `/api/console/contacts/${source.id}`)).body.mergedIntoId).toBe(target.id);
    expect((await set(source.id, 'city', 'Beijing')).body.error.code).toBe('ContactMerged');
    expect((await alice.call('GET', '/api/console/contacts?q=Source')).body.items.map((c: { id: string }) => c.id)).not.toContain(source.id);

    // The source's customer writes again on a new conversation while merged: it joins the target.
    const again = await startDirectLine(people[1]);
    await customerSays(again, 'back again', people[1]);
    expect((await contactOf(alice, again.conversationId)).id).toBe(target.id);

    const undone = await alice.call('POST', `/api/console/contact-merges/${merged.body.mergeId}/undo`, {});
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ id: source.id, mergedIntoId: null });
    expect(undone.body.conversations.map((c: { id: string }) => c.id).sort()).toEqual([starts[1]!.conversationId, again.conversationId].sort());
    expect(undone.body.identities.map((i: { userId: string }) => i.userId)).toEqual([people[1]!.id]);
    expect(valuesOf(undone.body)).toEqual({ plan: 'free', city: 'Shanghai' });
    const restored = (await alice.call('GET', `/api/console/contacts/${target.id}`)).body;
    expect(restored.conversations.map((c: { id: string }) => c.id)).toEqual([starts[0]!.conversationId]);
    expect(restored.identities.map((i: { userId: string }) => i.userId)).toEqual([people[0]!.id]);
    expect(valuesOf(restored)).toEqual({ plan: 'pro' });
    expect(restored.merges).toEqual([]);
    expect((await alice.call('POST', `/api/console/contact-merges/${merged.body.mergeId}/undo`, {})).body.error.code).toBe('MergeAlreadyUndone');
    // Both are in the audit log, as Alice's.
    const audited = await db().auditEntry.findMany({ where: { target: `contact:${target.id}` }, orderBy: { id: 'asc' } });
    expect(audited.map((entry) => [entry.action, entry.actorName])).toEqual([
      ['contact.merge', 'Alice'],
      ['contact.unmerge', 'Alice'],
    ]);
  });
});

describe('labels', () => {
  it('administrators define them; reps add and remove them, the inbox filters by them, other reps see it live', async () => {
    expect((await alice.call('POST', '/api/console/admin/labels', { name: 'Refund', colour: '#cc0000' })).body.error.code).toBe('AdminsOnly');
    expect((await ada.call('POST', '/api/console/admin/labels', { name: 'Refund', colour: 'red' })).status).toBe(400);
    const created = await ada.call('POST', '/api/console/admin/labels', { name: 'Refund', colour: '#CC0000' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Refund', colour: '#cc0000' });
    expect((await ada.call('POST', '/api/console/admin/labels', { name: 'Refund', colour: '#00cc00' })).body.error.code).toBe('LabelNameTaken');
    expect(await db().auditEntry.findFirst({ where: { action: 'label.create', target: `label:${created.body.id}` } })).toMatchObject({ actorName: 'Ada', actorRole: 'admin' });
    const label = created.body as { id: string };
    expect((await alice.call('GET', '/api/console/labels')).body.items).toContainEqual(created.body);

    const user = { id: `label-${digits()}`, name: 'Labelled' };
    const start = await startDirectLine(user);
    await customerSays(start, 'label me', user);
    const other = await startDirectLine();
    await customerSays(other, 'not me');
    const conversation = `/api/console/conversations/${start.conversationId}`;

    const bobSees = readEvents('/api/console/events', { Cookie: bob.cookieHeader() }, (messages) =>
      messages.some((m) => m.event === 'console' && m.data.includes('"labels":[{') && m.data.includes(start.conversationId)),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const added = await alice.call('PUT', `${conversation}/labels/${label.id}`);
    expect(added.status).toBe(200);
    expect(added.body.labels).toEqual([created.body]);
    expect((await alice.call('PUT', `${conversation}/labels/${label.id}`)).body.labels).toEqual([created.body]);
    const live = (await bobSees).map((m) => JSON.parse(m.data)).find((e) => e.type === 'conversation.updated' && e.conversationId === start.conversationId);
    expect(live.conversation.labels).toEqual([created.body]);

    const filtered = await bob.call('GET', `/api/console/conversations?filter=all&label=${label.id}`);
    expect(filtered.body.items.map((c: { id: string }) => c.id)).toEqual([start.conversationId]);
    expect(filtered.body.items[0].labels).toEqual([created.body]);

    // Reports by label: the labelled conversation's episode only, in the summary and the rows.
    const sam = await ConsoleClient.signIn('sam@demo.test');
    const period = `from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`;
    const byLabel = await sam.call('GET', `/api/console/reports/summary?${period}&label=${label.id}`);
    expect(byLabel.status).toBe(200);
    expect(byLabel.body.overall.episodes).toBe(1);
    const rows = await sam.call('GET', `/api/console/reports/conversations?${period}&label=${label.id}`);
    expect(rows.body.items.map((row: { conversationId: string }) => row.conversationId)).toEqual([start.conversationId]);
    const everyone = await sam.call('GET', `/api/console/reports/summary?${period}`);
    expect(everyone.body.overall.episodes).toBeGreaterThan(1);
    expect((await alice.call('PUT', `${conversation}/labels/${randomUUID()}`)).status).toBe(404);

    const removed = await bob.call('DELETE', `${conversation}/labels/${label.id}`);
    expect(removed.body.labels).toEqual([]);
    expect((await bob.call('GET', `/api/console/conversations?filter=all&label=${label.id}`)).body.items).toEqual([]);
  });
});
