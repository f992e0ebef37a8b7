// Every console route, called as nobody, with a forged cookie, as an agent of another queue, as an
// agent of the conversation's queue (its owner where that matters), as a supervisor and as an
// admin: each answer is checked against the table below.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentInQueue } from '../support/agents';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { openConsole, readEvents } from '../support/sse';

type Caller = 'none' | 'forged' | 'otherQueue' | 'agent' | 'supervisor' | 'admin';
const CALLERS: Caller[] = ['none', 'forged', 'otherQueue', 'agent', 'supervisor', 'admin'];

/** What each caller gets: 2 = any 2xx; otherwise the exact status. */
type Expect = Record<Caller, number>;
const OPEN: Expect = { none: 401, forged: 401, otherQueue: 2, agent: 2, supervisor: 2, admin: 2 };
const QUEUE: Expect = { none: 401, forged: 401, otherQueue: 403, agent: 2, supervisor: 2, admin: 2 };
const SUPERVISORS: Expect = { none: 401, forged: 401, otherQueue: 403, agent: 403, supervisor: 2, admin: 2 };
const OWNER: Expect = { none: 401, forged: 401, otherQueue: 403, agent: 2, supervisor: 403, admin: 403 };
const ADMINS: Expect = { none: 401, forged: 401, otherQueue: 403, agent: 403, supervisor: 403, admin: 2 };
const OWNER_OR_SUPERVISOR: Expect = { none: 401, forged: 401, otherQueue: 403, agent: 2, supervisor: 2, admin: 2 };

interface Fixture {
  waiting: string;
  active: string;
  closed: string;
  message: string;
  attachment: string;
  offer: string;
  /** The waiting conversation's contact. */
  contact: string;
}

let clients: Record<Caller, ConsoleClient>;
let bob: ConsoleClient;
let ids: { alice: string; bob: string; general: string; label: string };
/** Alice and Bob keep their consoles open: transfers and consults to them can be made. */
let consoles: { close(): void }[] = [];

beforeAll(async () => {
  const forged = new ConsoleClient();
  (forged as unknown as { cookie: string }).cookie = 'console_session=Fe26.2**forged**cookie';
  clients = {
    none: new ConsoleClient(),
    forged,
    otherQueue: await ConsoleClient.signIn(await agentInQueue(`Other queue ${Date.now()}`, 'agent', 'matrix.test')),
    agent: await ConsoleClient.signIn('alice@demo.test'),
    supervisor: await ConsoleClient.signIn('sam@demo.test'),
    admin: await ConsoleClient.signIn(await agentInQueue('General', 'admin', 'matrix.test')),
  };
  bob = await ConsoleClient.signIn('bob@demo.test');
  const directory = (await clients.agent.call('GET', '/api/console/directory')).body;
  const idOf = (name: string) => directory.agents.find((a: { displayName: string }) => a.displayName === name).id as string;
  const label = await db().label.create({ data: { name: `Matrix ${randomUUID().slice(0, 8)}`, colour: '#123456' } });
  await db().contactAttribute.upsert({ where: { key: 'matrix_note' }, update: {}, create: { key: 'matrix_note', label: 'Matrix note', type: 'text' } });
  ids = { alice: idOf('Alice'), bob: idOf('Bob'), general: directory.queues.find((q: { name: string }) => q.name === 'General').id, label: label.id };
  consoles = [await openConsole(clients.agent), await openConsole(bob)];
});

afterAll(async () => {
  for (const console of consoles) console.close();
  await db().agent.deleteMany({ where: { email: { endsWith: '@matrix.test' } } });
});

/** Fresh conversations for one call: waiting, active (Alice's, with her message and a file), closed, and an offer to Alice. */
async function fixture(): Promise<Fixture> {
  const open = async (label: string) => {
    const user = { id: `matrix-${randomUUID()}`, name: `Matrix ${label}` };
    const start = await startDirectLine(user);
    await customerSays(start, `hello from ${label}`, user);
    return start.conversationId;
  };
  const [waiting, active, closed, offered] = await Promise.all([open('waiting'), open('active'), open('closed'), open('offered')]);
  const alice = clients.agent;
  for (const id of [active, closed, offered]) expect((await alice.call('POST', `/api/console/conversations/${id}/accept`, {})).status).toBe(200);
  const message = await alice.call('POST', `/api/console/conversations/${active}/messages`, { text: 'matrix reply', clientId: randomUUID() });
  const upload = await fetch(`${process.env.CONSOLE_URL}/api/console/conversations/${active}/attachments`, {
    method: 'POST',
    headers: { Cookie: alice.cookieHeader(), 'Content-Type': 'text/plain', 'X-File-Name': 'notes.txt' },
    body: 'hello',
  });
  expect((await alice.call('POST', `/api/console/conversations/${closed}/close`, {})).status).toBe(200);
  // Bob owns the offered one and asks Alice to take it over.
  await clients.supervisor.call('POST', `/api/console/conversations/${offered}/assign`, { agentId: ids.bob });
  expect((await bob.call('POST', `/api/console/conversations/${offered}/transfer`, { agentId: ids.alice })).status).toBe(200);
  const offer = (await alice.call('GET', '/api/console/offers')).body.items.find((o: { conversationId: string }) => o.conversationId === offered);
  const { contactId } = await db().conversation.findUniqueOrThrow({ where: { id: waiting }, select: { contactId: true } });
  return { waiting, active, closed, message: message.body.id, attachment: ((await upload.json()) as { id: string }).id, offer: offer.id, contact: contactId! };
}

interface Row {
  name: string;
  method: string;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  expect: Expect;
  /** Calls that change the fixture get a fresh one per caller. */
  mutates?: boolean;
}

const c = (f: Fixture, id: keyof Fixture, rest = '') => `/api/console/conversations/${f[id]}${rest}`;

const REPORT_PERIOD = 'from=2026-01-01&to=2026-02-01';

const ROWS: Row[] = [
  { name: 'me', method: 'GET', path: () => '/api/console/me', expect: OPEN },
  { name: 'inbox', method: 'GET', path: () => '/api/console/conversations?filter=all', expect: OPEN },
  { name: 'directory', method: 'GET', path: () => '/api/console/directory', expect: OPEN },
  { name: 'offers', method: 'GET', path: () => '/api/console/offers', expect: OPEN },
  { name: 'canned responses', method: 'GET', path: () => '/api/console/canned-responses', expect: OPEN },
  { name: 'presence', method: 'PUT', path: () => '/api/console/me/presence', body: () => ({ presence: 'offline' }), expect: OPEN },
  { name: 'conversation', method: 'GET', path: (f) => c(f, 'waiting'), expect: QUEUE },
  { name: 'transcript', method: 'GET', path: (f) => c(f, 'waiting', '/activities'), expect: QUEUE },
  { name: 'customer', method: 'GET', path: (f) => c(f, 'waiting', '/customer'), expect: QUEUE },
  { name: 'templates', method: 'GET', path: (f) => c(f, 'waiting', '/templates'), expect: QUEUE },
  // The fixture is Direct Line, whose customers cannot be reached first: whoever may try gets that 409.
  {
    name: 'start a conversation',
    method: 'POST',
    path: (f) => c(f, 'closed', '/start'),
    body: () => ({ customerId: 'customer-1', text: 'hello', clientId: randomUUID() }),
    expect: { ...QUEUE, agent: 409, supervisor: 409, admin: 409 },
  },
  { name: 'read', method: 'POST', path: (f) => c(f, 'waiting', '/read'), body: () => ({}), expect: QUEUE },
  { name: 'bot handoff', method: 'GET', path: (f) => c(f, 'waiting', '/handoff'), expect: QUEUE },
  // No bot held the fixture's conversation: whoever may try gets that 409 (who may, bot-flow.test.ts).
  { name: 'return to bot', method: 'POST', path: (f) => c(f, 'active', '/return-to-bot'), body: () => ({}), expect: { ...QUEUE, agent: 409, supervisor: 409, admin: 409 } },
  { name: 'upload', method: 'POST', path: (f) => c(f, 'waiting', '/attachments'), expect: QUEUE },
  { name: 'attachment', method: 'GET', path: (f) => `/api/console/attachments/${f.attachment}`, expect: QUEUE },
  { name: 'accept', method: 'POST', path: (f) => c(f, 'waiting', '/accept'), body: () => ({}), expect: QUEUE, mutates: true },
  { name: 'reply', method: 'POST', path: (f) => c(f, 'active', '/messages'), body: () => ({ text: 'hi', clientId: randomUUID() }), expect: OWNER, mutates: true },
  { name: 'typing', method: 'POST', path: (f) => c(f, 'active', '/typing'), body: () => ({}), expect: OWNER },
  { name: 'edit', method: 'PATCH', path: (f) => `/api/console/activities/${f.message}`, body: () => ({ text: 'edited' }), expect: OWNER, mutates: true },
  { name: 'end', method: 'POST', path: (f) => c(f, 'active', '/close'), body: () => ({}), expect: OWNER, mutates: true },
  { name: 'force close', method: 'POST', path: (f) => c(f, 'active', '/close'), body: () => ({ force: true, note: 'matrix' }), expect: SUPERVISORS, mutates: true },
  { name: 'consult', method: 'POST', path: (f) => c(f, 'active', '/consult'), body: () => ({ agentId: ids.bob }), expect: OWNER, mutates: true },
  { name: 'transfer', method: 'POST', path: (f) => c(f, 'active', '/transfer'), body: () => ({ queueId: ids.general }), expect: OWNER_OR_SUPERVISOR, mutates: true },
  { name: 'take over / reassign', method: 'POST', path: (f) => c(f, 'active', '/assign'), body: () => ({ agentId: ids.bob }), expect: SUPERVISORS, mutates: true },
  { name: 'wrap-up', method: 'POST', path: (f) => c(f, 'closed', '/wrap-up'), body: () => ({ note: 'matrix wrap-up' }), expect: OWNER_OR_SUPERVISOR, mutates: true },
  { name: 'answer an offer', method: 'POST', path: (f) => `/api/console/offers/${f.offer}/decline`, body: () => ({}), expect: { ...OWNER, otherQueue: 403 }, mutates: true },
  { name: 'labels', method: 'GET', path: () => '/api/console/labels', expect: OPEN },
  { name: 'add a label', method: 'PUT', path: (f) => c(f, 'waiting', `/labels/${ids.label}`), body: () => ({}), expect: QUEUE },
  { name: 'remove a label', method: 'DELETE', path: (f) => c(f, 'waiting', `/labels/${ids.label}`), body: () => ({}), expect: QUEUE },
  { name: 'contact attributes', method: 'GET', path: () => '/api/console/contact-attributes', expect: OPEN },
  { name: 'contact search', method: 'GET', path: () => '/api/console/contacts?q=Matrix', expect: OPEN },
  // Contacts are the team's, not a queue's: every rep reads and edits them (their conversations stay filtered).
  { name: 'contact', method: 'GET', path: (f) => `/api/console/contacts/${f.contact}`, expect: OPEN },
  { name: 'contact attribute', method: 'PUT', path: (f) => `/api/console/contacts/${f.contact}/attributes/matrix_note`, body: () => ({ value: 'seen' }), expect: OPEN },
  { name: 'failed deliveries', method: 'GET', path: () => '/api/console/deliveries/failed', expect: SUPERVISORS },
  { name: 'supervisor overview', method: 'GET', path: () => '/api/console/supervisor/overview', expect: SUPERVISORS },
  { name: 'supervisor actions', method: 'GET', path: () => '/api/console/supervisor/actions', expect: SUPERVISORS },
  { name: 'reports: episodes', method: 'GET', path: () => `/api/console/reports/conversations?${REPORT_PERIOD}`, expect: SUPERVISORS },
  { name: 'reports: CSV', method: 'GET', path: () => `/api/console/reports/conversations.csv?${REPORT_PERIOD}`, expect: SUPERVISORS },
  { name: 'reports: summary', method: 'GET', path: () => `/api/console/reports/summary?${REPORT_PERIOD}`, expect: SUPERVISORS },
  { name: 'customer export', method: 'GET', path: (f) => c(f, 'closed', '/customer/export'), expect: ADMINS },
  { name: 'erase customer', method: 'POST', path: (f) => c(f, 'closed', '/customer/erase'), body: () => ({}), expect: ADMINS, mutates: true },
  { name: 'admin: audit log', method: 'GET', path: () => '/api/console/admin/audit', expect: ADMINS },
  { name: 'admin: audit log CSV', method: 'GET', path: () => '/api/console/admin/audit.csv', expect: ADMINS },
  { name: 'admin: agents', method: 'GET', path: () => '/api/console/admin/agents', expect: ADMINS },
  {
    name: 'admin: create agent',
    method: 'POST',
    path: () => '/api/console/admin/agents',
    body: () => ({ email: `new-${randomUUID().slice(0, 8)}@matrix.test`, displayName: 'New Agent', password: 'a-long-enough-password' }),
    expect: ADMINS,
  },
  { name: 'admin: change agent', method: 'PATCH', path: () => `/api/console/admin/agents/${ids.bob}`, body: () => ({ capacity: 5 }), expect: ADMINS },
  { name: 'admin: queues', method: 'GET', path: () => '/api/console/admin/queues', expect: ADMINS },
  { name: 'admin: create queue', method: 'POST', path: () => '/api/console/admin/queues', body: () => ({ name: `Matrix ${randomUUID().slice(0, 8)}` }), expect: ADMINS },
  { name: 'admin: queue survey switch', method: 'PATCH', path: () => `/api/console/admin/queues/${ids.general}`, body: () => ({ surveyEnabled: false }), expect: ADMINS },
  // Always open, as it was: the other rows' routing is untouched.
  { name: 'admin: queue hours', method: 'PUT', path: () => `/api/console/admin/queues/${ids.general}/hours`, body: () => ({ calendar: null, awayMessage: null }), expect: ADMINS },
  { name: 'admin: channels', method: 'GET', path: () => '/api/console/admin/channels', expect: ADMINS },
  { name: 'admin: channel settings', method: 'PUT', path: () => '/api/console/admin/channels/teams', body: () => ({}), expect: ADMINS },
  { name: 'admin: create label', method: 'POST', path: () => '/api/console/admin/labels', body: () => ({ name: `Matrix ${randomUUID().slice(0, 8)}`, colour: '#654321' }), expect: ADMINS },
  {
    name: 'admin: create contact attribute',
    method: 'POST',
    path: () => '/api/console/admin/contact-attributes',
    body: () => ({ key: `m_${randomUUID().slice(0, 8)}`, label: 'Matrix', type: 'number' }),
    expect: ADMINS,
  },
  { name: 'admin: bot signing keys', method: 'GET', path: () => '/api/console/admin/bot-keys', expect: ADMINS },
  // The first administrator's rotation publishes a key that waits an hour; the others change nothing.
  { name: 'admin: rotate bot signing key', method: 'POST', path: () => '/api/console/admin/bot-keys/rotate', body: () => ({}), expect: ADMINS },
  // Nothing listens on the discard port: the check answers 200 `unreachable` at once.
  { name: 'admin: check a bot', method: 'POST', path: () => '/api/console/admin/bots/check', body: () => ({ endpoint: 'http://127.0.0.1:9/api/messages', appId: 'matrix-bot' }), expect: ADMINS },
];

/** The status only (some answers are files, not JSON). */
async function call(caller: Caller, row: Row, f: Fixture): Promise<number> {
  const upload = row.name === 'upload';
  const body = upload ? 'x' : row.body ? JSON.stringify(row.body(f)) : undefined;
  const headers: Record<string, string> = { Cookie: clients[caller].cookieHeader() };
  if (upload) Object.assign(headers, { 'Content-Type': 'text/plain', 'X-File-Name': 'm.txt' });
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${process.env.CONSOLE_URL}${row.path(f)}`, { method: row.method, headers, body });
  await response.arrayBuffer();
  return response.status;
}

describe('the authorization matrix', () => {
  it('answers every route as the table says, for every caller', async () => {
    const shared = await fixture();
    const failures: string[] = [];
    for (const row of ROWS) {
      for (const caller of CALLERS) {
        const f = row.mutates && caller !== 'none' && caller !== 'forged' ? await fixture() : shared;
        const status = await call(caller, row, f);
        const wanted = row.expect[caller];
        const ok = wanted === 2 ? status >= 200 && status < 300 : status === wanted;
        if (!ok) failures.push(`${row.method} ${row.name} as ${caller}: ${status}, wanted ${wanted === 2 ? '2xx' : wanted}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('keeps lists and the event stream to what the caller may see', async () => {
    const f = await fixture();
    const other = await clients.otherQueue.call('GET', '/api/console/conversations?filter=all');
    expect(other.body.items.some((item: { id: string }) => [f.waiting, f.active].includes(item.id))).toBe(false);
    const mine = await clients.agent.call('GET', '/api/console/conversations?filter=all');
    expect(mine.body.items.some((item: { id: string }) => item.id === f.waiting)).toBe(true);
    const unassigned = await clients.otherQueue.call('GET', '/api/console/conversations?filter=unassigned');
    expect(unassigned.body.items.some((item: { id: string }) => item.id === f.waiting)).toBe(false);

    // The stream: Alice sees the customer's new message; the other queue's agent does not, though it
    // does see a later event meant for everyone (its own presence change), so it was listening.
    const marker = `stream-marker-${randomUUID()}`;
    const otherId = (await clients.otherQueue.call('GET', '/api/console/me')).body.agent.id as string;
    const aliceSees = readEvents('/api/console/events', { Cookie: clients.agent.cookieHeader() }, (messages) =>
      messages.some((m) => m.data.includes(marker)),
    );
    const otherSees = readEvents('/api/console/events', { Cookie: clients.otherQueue.cookieHeader() }, (messages) =>
      messages.some((m) => m.data.includes('agent.updated') && m.data.includes(otherId)),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await clients.agent.call('POST', `/api/console/conversations/${f.active}/messages`, { text: marker, clientId: randomUUID() });
    await clients.otherQueue.call('PUT', '/api/console/me/presence', { presence: 'away' });
    expect((await aliceSees).some((m) => m.data.includes(marker))).toBe(true);
    const otherStream = await otherSees;
    expect(otherStream.some((m) => m.data.includes(marker))).toBe(false);
    expect(otherStream.some((m) => m.data.includes(f.active))).toBe(false);
  });
});
