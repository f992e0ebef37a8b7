// Erasing a customer (CONTRACT.md "Erasing a customer", issue 21): an administrator exports and then
// erases everything of the customer behind a conversation — every conversation of theirs on that
// channel, messages, files, notes, events — and afterwards the database, search, the reports' CSV,
// file links and the Direct Line endpoints (REST and WebSocket) no longer know them, while report
// figures stay. Agents and supervisors are refused.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, directLine, startDirectLine, type DirectLineStart } from '../support/clients';
import { readEvents, type SseMessage } from '../support/sse';
import { baseUrl } from '../support/test-env';
import { agentInQueue } from '../support/agents';

const tag = randomUUID().slice(0, 8);
const customer = { id: `erase-me-${tag}`, name: `Erin Erasable ${tag}` };
const bystander = { id: `keep-me-${tag}`, name: `Kim Keeper ${tag}` };

let alice: ConsoleClient;
let sam: ConsoleClient;
let ada: ConsoleClient;

function openStream(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', () => {});
  });
}

/** A Direct Line conversation of `who`: a message, a file, Alice's answer and private note, closed. */
async function servedConversation(who: { id: string; name: string }, text: string): Promise<{ start: DirectLineStart; fileUrl: string; fileId: string }> {
  const start = await startDirectLine(who);
  await customerSays(start, text, who);
  const upload = await fetch(`${baseUrl()}/v3/directline/conversations/${start.conversationId}/upload?userId=${who.id}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${start.token}`, 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename="passport.txt"' },
    body: `passport of ${who.name}`,
  });
  expect(upload.status).toBe(200);
  const id = start.conversationId;
  expect((await alice.call('POST', `/api/console/conversations/${id}/accept`, {})).status).toBe(200);
  expect((await alice.call('POST', `/api/console/conversations/${id}/messages`, { text: 'How can I help?', clientId: randomUUID() })).status).toBe(201);
  expect((await alice.call('POST', `/api/console/conversations/${id}/messages`, { text: `note about ${who.name}`, clientId: randomUUID(), note: true })).status).toBe(201);
  expect((await alice.call('POST', `/api/console/conversations/${id}/close`, {})).status).toBe(200);
  const read = await directLine(`/conversations/${id}/activities`, { auth: start.token });
  const file = read.body.activities.flatMap((a: { attachments?: { contentUrl: string }[] }) => a.attachments ?? [])[0];
  const row = await db().attachment.findFirstOrThrow({ where: { conversationId: id } });
  return { start, fileUrl: file.contentUrl as string, fileId: row.id };
}

const reportPeriod = () => {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 3_600_000).toISOString();
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
};

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
  sam = await ConsoleClient.signIn('sam@demo.test');
  ada = await ConsoleClient.signIn('ada@demo.test');
});

describe('erasing a customer', () => {
  let first: Awaited<ReturnType<typeof servedConversation>>;
  let second: Awaited<ReturnType<typeof servedConversation>>;
  let kept: Awaited<ReturnType<typeof servedConversation>>;
  let ids: string[];
  /** The event log's last id before the erasure: consoles that resume from it. */
  let lastEventBefore: string;

  beforeAll(async () => {
    first = await servedConversation(customer, 'my card number is 4111');
    second = await servedConversation(customer, 'it is me again');
    kept = await servedConversation(bystander, 'unrelated question');
    ids = [first.start.conversationId, second.start.conversationId];
  }, 60_000);

  it('refuses agents and supervisors, and changes nothing', async () => {
    for (const rep of [alice, sam]) {
      const erase = await rep.call('POST', `/api/console/conversations/${ids[0]}/customer/erase`, {});
      expect(erase.status).toBe(403);
      expect(erase.body.error.code).toBe('AdminsOnly');
      expect((await rep.call('GET', `/api/console/conversations/${ids[0]}/customer/export`)).status).toBe(403);
    }
    expect(await db().conversation.count({ where: { id: { in: ids } } })).toBe(2);
  });

  it('exports everything held about the customer as one JSON file', async () => {
    const exported = await ada.call('GET', `/api/console/conversations/${ids[0]}/customer/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="customer-.+\.json"$/);
    expect(exported.body.customer).toEqual({ channel: 'directline', customerId: customer.id, customerName: customer.name });
    // Their contact: both conversations belong to it (one Direct Line user).
    expect(exported.body.contacts).toEqual([
      expect.objectContaining({ name: customer.name, identities: [{ channel: 'directline', userId: customer.id, verified: null }], attributes: {} }),
    ]);
    expect(exported.body.conversations.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    const [one] = exported.body.conversations.filter((c: { id: string }) => c.id === ids[0]);
    expect(one.messages.map((m: { text: string | null }) => m.text)).toEqual(expect.arrayContaining(['my card number is 4111', 'How can I help?']));
    expect(one.notes.map((m: { text: string }) => m.text)).toEqual([`note about ${customer.name}`]);
    const files = one.messages.flatMap((m: { attachments: unknown[] }) => m.attachments);
    expect(files).toEqual([{ id: first.fileId, name: 'passport.txt', contentType: 'text/plain', size: expect.any(Number), url: `/api/console/attachments/${first.fileId}` }]);
    expect(one.episodes).toEqual([expect.objectContaining({ number: 1, closedAt: expect.any(String) })]);
    const file = await fetch(`${baseUrl()}${files[0].url}`, { headers: { Cookie: ada.cookieHeader() } });
    expect([file.status, await file.text()]).toEqual([200, `passport of ${customer.name}`]);
    const audit = await db().auditEntry.findFirst({ where: { action: 'customer.export', target: `conversation:${ids[0]}` } });
    expect(audit).toMatchObject({ actorName: 'Ada', actorRole: 'admin' });
  });

  it('erases every conversation of the customer at once and nothing of anyone else', async () => {
    const csvBefore = await (await fetch(`${baseUrl()}/api/console/reports/conversations.csv?${reportPeriod()}`, { headers: { Cookie: sam.cookieHeader() } })).text();
    expect(csvBefore).toContain(customer.name);
    const episodesBefore = await db().episode.findMany({ where: { conversationId: { in: ids } }, orderBy: { id: 'asc' } });
    expect(episodesBefore).toHaveLength(2);
    expect(await db().event.count({ where: { conversationId: { in: ids } } })).toBeGreaterThan(0);

    lastEventBefore = String((await db().event.aggregate({ _max: { id: true } }))._max.id ?? 0);
    const contactIds = (await db().conversation.findMany({ where: { id: { in: ids } }, select: { contactId: true } })).map((row) => row.contactId!);
    expect(new Set(contactIds).size).toBe(1);
    const erased = await ada.call('POST', `/api/console/conversations/${ids[1]}/customer/erase`, {});
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ conversations: 2, messages: expect.any(Number), files: 2 });

    // The database: nothing of theirs is left; the report rows keep their figures, naming no one.
    const where = { conversationId: { in: ids } };
    expect(await db().conversation.count({ where: { id: { in: ids } } })).toBe(0);
    // Their contact, its identities and attribute values too.
    expect(await db().contact.count({ where: { id: contactIds[0] } })).toBe(0);
    expect(await db().contactIdentity.count({ where: { userId: customer.id } })).toBe(0);
    for (const count of [
      db().activity.count({ where }),
      db().attachment.count({ where }),
      db().attachment.count({ where: { id: { in: [first.fileId, second.fileId] } } }),
      db().event.count({ where }),
      db().participant.count({ where }),
      db().delivery.count({ where }),
      db().offer.count({ where }),
      db().satisfactionSurvey.count({ where }),
      db().episode.count({ where }),
      db().activity.count({ where: { text: { contains: 'my card number' } } }),
    ]) {
      expect(await count).toBe(0);
    }
    const episodesAfter = await db().episode.findMany({ where: { id: { in: episodesBefore.map((e) => e.id) } }, orderBy: { id: 'asc' } });
    expect(episodesAfter.map((e) => e.conversationId)).toEqual([null, null]);
    expect(episodesAfter.map((e) => ({ ...e, conversationId: null }))).toEqual(episodesBefore.map((e) => ({ ...e, conversationId: null })));
    // Someone else's conversation is untouched.
    expect(await db().activity.count({ where: { conversationId: kept.start.conversationId } })).toBeGreaterThan(2);
    expect(await db().attachment.count({ where: { id: kept.fileId } })).toBe(1);

    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: 'customer.erase' } });
    expect(audit).toMatchObject({ actorName: 'Ada', actorRole: 'admin', target: `conversation:${ids[1]}` });
    expect((audit.after as { conversationIds: string[] }).conversationIds.sort()).toEqual([...ids].sort());
  });

  it('tells the consoles that could see those conversations, and no one else, that they are gone', async () => {
    const erasedIn = (messages: SseMessage[]) =>
      messages
        .filter((m) => m.event === 'console')
        .map((m) => JSON.parse(m.data))
        .filter((event) => event.type === 'conversation.erased');
    // Alice (their queue, and she served them) resumes from before the erasure: both, naming no one.
    const toAlice = await readEvents(`/api/console/events?after=${lastEventBefore}`, { Cookie: alice.cookieHeader() }, (messages) => erasedIn(messages).length >= 2);
    expect(erasedIn(toAlice).map((event) => event.erasedConversationId).sort()).toEqual([...ids].sort());
    for (const event of erasedIn(toAlice)) {
      expect(event).toMatchObject({ type: 'conversation.erased', conversationId: null });
      expect(JSON.stringify(event)).not.toContain(customer.name);
    }
    // An agent of another queue never saw them and is not told.
    const outsider = await ConsoleClient.signIn(await agentInQueue(`Elsewhere ${tag}`));
    const toOutsider = await readEvents(`/api/console/events?after=${lastEventBefore}`, { Cookie: outsider.cookieHeader() }, (messages) =>
      messages.some((m) => m.event === 'ready'),
    );
    expect(toOutsider.some((m) => m.event === 'ready')).toBe(true);
    expect(erasedIn(toOutsider)).toEqual([]);
  });

  it('leaves nothing for search, the console or the reports CSV to show', async () => {
    for (const q of [customer.name, customer.id, 'my card number']) {
      const found = await sam.call('GET', `/api/console/conversations?filter=all&q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.body.items).toEqual([]);
    }
    expect((await sam.call('GET', `/api/console/conversations?filter=all&q=${encodeURIComponent(bystander.name)}`)).body.items).toHaveLength(1);
    expect((await ada.call('GET', `/api/console/conversations/${ids[0]}`)).status).toBe(404);
    expect((await ada.call('GET', `/api/console/conversations/${ids[0]}/customer/export`)).status).toBe(404);
    expect((await ada.call('GET', `/api/console/attachments/${first.fileId}`)).status).toBe(404);

    const csv = await (await fetch(`${baseUrl()}/api/console/reports/conversations.csv?${reportPeriod()}`, { headers: { Cookie: sam.cookieHeader() } })).text();
    expect(csv).not.toContain(customer.name);
    for (const id of ids) expect(csv).not.toContain(id);
    expect(csv).toContain(bystander.name);
    // The erased episodes are still rows: their figures count, with empty conversation and customer.
    const header = csv.split('\r\n')[0]!.split(',');
    const anonymous = csv
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[header.indexOf('conversation_id')] === '' && cells.length === header.length);
    expect(anonymous.length).toBeGreaterThanOrEqual(2);
    for (const cells of anonymous) expect(cells[header.indexOf('customer')]).toBe('');
  });

  it('Direct Line answers 404 for those conversations, REST and WebSocket, and file links 404', async () => {
    for (const { start } of [first, second]) {
      expect((await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token })).status).toBe(404);
      expect((await directLine(`/conversations/${start.conversationId}?watermark=0`, { auth: start.token })).status).toBe(404);
      expect(await openStream(start.streamUrl)).toBe(404);
    }
    expect((await fetch(first.fileUrl)).status).toBe(404);
    expect((await fetch(second.fileUrl)).status).toBe(404);
    // The bystander's still work.
    expect((await directLine(`/conversations/${kept.start.conversationId}/activities`, { auth: kept.start.token })).status).toBe(200);
    expect((await fetch(kept.fileUrl)).status).toBe(200);
  });
});
