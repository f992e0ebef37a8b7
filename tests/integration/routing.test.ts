// Routing, transfer, consult and closing, on a database of their own so no other test's agents
// or conversations take part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveCustomerActivity } from '@/lib/activities/receive-customer-activity';
import { sendAgentMessage } from '@/lib/activities/send-agent-message';
import { acceptConversation } from '@/lib/conversations/accept-conversation';
import type { ActingViewer } from '@/lib/conversations/agent';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { addConsultantToConversation } from '@/lib/conversations/consult/add-consultant';
import { endConsult } from '@/lib/conversations/consult/end-consult';
import { requestConsult } from '@/lib/conversations/consult/request-consult';
import { ensureDefaults } from '@/lib/conversations/defaults';
import { acceptOffer, declineOffer, pendingOffersFor } from '@/lib/conversations/offers/respond-to-offer';
import { openConversation } from '@/lib/conversations/open-conversation';
import { loadDirectory, setPresence } from '@/lib/conversations/routing/agent-status';
import { routeWaitingConversations } from '@/lib/conversations/routing/route-waiting';
import { requestTransfer } from '@/lib/conversations/transfer/request-transfer';
import { createDb, type Db } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { scratchDatabase } from '../support/scratch-db';
import { AppError } from '@/lib/errors/app-error';
import { statusOf } from '@/lib/http/error-status';

/** A domain refusal whose code answers `status` over HTTP (lib/http/error-status.ts). */
const refusedWith = (status: number) => (error: unknown) => error instanceof AppError && statusOf(error.code) === status;

let db: Db;
let drop: () => Promise<void>;
let queueId: string;
const TIMEOUT = 30_000;

beforeAll(async () => {
  const scratch = await scratchDatabase();
  drop = scratch.drop;
  await migrate(scratch.url);
  db = createDb(scratch.url, 4);
  await ensureDefaults(db);
  queueId = (await db.queue.findUniqueOrThrow({ where: { name: 'General' } })).id;
});

afterAll(async () => {
  await db?.$disconnect();
  await drop?.();
});

let counter = 0;

/** An agent in the General queue, available with the console open unless told otherwise. */
async function agent(name: string, options: { presence?: 'available' | 'busy' | 'away' | 'offline'; connected?: boolean; capacity?: number; idleSince?: Date } = {}): Promise<ActingViewer> {
  counter += 1;
  const row = await db.agent.create({
    data: {
      email: `${name.toLowerCase()}-${counter}-${Date.now()}@routing.test`,
      displayName: name,
      passwordHash: 'x',
      presence: options.presence ?? 'available',
      capacity: options.capacity ?? 5,
      idleSince: options.idleSince ?? new Date(Date.now() - 60_000 + counter),
      connectedUntil: options.connected === false ? null : new Date(Date.now() + 3_600_000),
      queues: { create: { queueId } },
    },
  });
  return { id: row.id, displayName: row.displayName, role: 'agent', queueIds: [queueId] };
}

/** A customer's first message: the conversation joins the General queue. */
async function waitingConversation(customer: string): Promise<string> {
  const { id } = await openConversation(db, { channel: 'directline', customerName: customer, customerId: customer });
  await receiveCustomerActivity(id, { type: 'message', text: `hello from ${customer}`, fromId: customer, fromName: customer, raw: {} }, db);
  return id;
}

const route = (now = new Date()) => routeWaitingConversations(db, { offerTimeoutMs: TIMEOUT, now });

async function lifecycleNames(conversationId: string): Promise<string[]> {
  const rows = await db.activity.findMany({ where: { conversationId, type: 'event' }, orderBy: { seq: 'asc' }, select: { name: true } });
  return rows.map((r) => r.name!);
}

/** Takes everyone made so far out of routing, so each test starts from its own agents. */
async function everyoneOffline() {
  await db.agent.updateMany({ data: { presence: 'offline' } });
  await db.conversation.updateMany({ where: { state: { in: ['queued', 'offered'] } }, data: { state: 'closed' } });
  await db.offer.updateMany({ where: { state: 'pending' }, data: { state: 'cancelled' } });
}

describe('routing', () => {
  it('offers the longest-waiting conversation to the longest-idle available agent with room, connected now', async () => {
    await everyoneOffline();
    const idleLongest = await agent('Idle', { idleSince: new Date(Date.now() - 3_600_000) });
    const recent = await agent('Recent', { idleSince: new Date() });
    await agent('Away', { presence: 'away', idleSince: new Date(0) });
    await agent('Closed tab', { connected: false, idleSince: new Date(0) });
    const full = await agent('Full', { capacity: 0, idleSince: new Date(0) });

    const first = await waitingConversation('first-customer');
    const second = await waitingConversation('second-customer');
    const result = await route();
    expect(result.offered).toBe(2);
    const [toIdle] = await pendingOffersFor(idleLongest.id, db);
    const [toRecent] = await pendingOffersFor(recent.id, db);
    expect(toIdle).toMatchObject({ kind: 'route', conversationId: first, customerName: 'first-customer', queueName: 'General' });
    expect(toRecent).toMatchObject({ kind: 'route', conversationId: second });
    expect(await pendingOffersFor(full.id, db)).toEqual([]);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: first } })).state).toBe('offered');

    // The offer counts against capacity: a 1-capacity agent with one offer gets no second one.
    const directory = await loadDirectory(db);
    expect(directory.agents.find((a) => a.id === idleLongest.id)).toMatchObject({ load: 1, presence: 'available' });
    expect(directory.queues.find((q) => q.id === queueId)?.waiting).toBeGreaterThanOrEqual(2);
  });

  it('moves on when an offer is declined or times out, and never offers it again to who let it pass', async () => {
    await everyoneOffline();
    const ann = await agent('Ann', { idleSince: new Date(Date.now() - 3_000_000) });
    const ben = await agent('Ben', { idleSince: new Date(Date.now() - 2_000_000) });
    const conversation = await waitingConversation('patient-customer');
    await route();
    const [offer] = await pendingOffersFor(ann.id, db);
    await declineOffer({ offerId: offer!.id, agent: ann }, db);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation } })).state).toBe('queued');

    await route();
    const [toBen] = await pendingOffersFor(ben.id, db);
    expect(toBen?.conversationId).toBe(conversation);
    expect(await pendingOffersFor(ann.id, db)).toEqual([]);

    // Ben lets it time out: nobody is left who has not passed, so it waits in Unassigned.
    const later = new Date(Date.now() + TIMEOUT + 1000);
    expect((await route(later)).expired).toBeGreaterThanOrEqual(1);
    expect((await db.offer.findUniqueOrThrow({ where: { id: toBen!.id } })).state).toBe('expired');
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation } });
    expect(after.state).toBe('queued');
    expect(await db.offer.count({ where: { conversationId: conversation, state: 'pending' } })).toBe(0);
    await expect(acceptOffer({ offerId: toBen!.id, agent: ben }, db)).rejects.toMatchObject({ code: 'OfferNotPending' });
  });

  it('lets anyone take an offered conversation from Unassigned; of two at once one wins, the offer is withdrawn', async () => {
    await everyoneOffline();
    const cara = await agent('Cara');
    const dan = await agent('Dan', { presence: 'busy' });
    const eve = await agent('Eve', { presence: 'busy' });
    const conversation = await waitingConversation('contested-customer');
    await route();
    const [offer] = await pendingOffersFor(cara.id, db);
    expect(offer).toBeDefined();

    const outcomes = await Promise.allSettled([
      acceptConversation({ conversationId: conversation, agent: dan }, db),
      acceptConversation({ conversationId: conversation, agent: eve }, db),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'AlreadyAssigned' });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer!.id } })).state).toBe('cancelled');
    await expect(acceptOffer({ offerId: offer!.id, agent: cara }, db)).rejects.toSatisfy(refusedWith(409));
  });

  it('accepting an offer makes the agent the owner and restarts their idle clock', async () => {
    await everyoneOffline();
    const fay = await agent('Fay');
    const conversation = await waitingConversation('offered-customer');
    await route();
    const [offer] = await pendingOffersFor(fay.id, db);
    const summary = await acceptOffer({ offerId: offer!.id, agent: fay }, db);
    expect(summary).toMatchObject({ state: 'active', ownerId: fay.id, ownerName: 'Fay' });
    expect(await lifecycleNames(conversation)).toEqual(['AgentAssigned', 'AgentAccepted']);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer!.id } })).state).toBe('accepted');
    await expect(declineOffer({ offerId: offer!.id, agent: fay }, db)).rejects.toSatisfy(refusedWith(409));
  });

  it('publishes presence changes and keeps the idle clock when presence changes within availability', async () => {
    const gil = await agent('Gil', { presence: 'offline' });
    const status = await setPresence({ agentId: gil.id, presence: 'available' }, db);
    expect(status).toMatchObject({ presence: 'available', capacity: 5, load: 0 });
    const event = await db.event.findFirst({ where: { type: 'agent.updated' }, orderBy: { id: 'desc' } });
    expect(event?.payload).toMatchObject({ agent: { id: gil.id, presence: 'available' } });
  });
});

async function activeConversation(owner: ActingViewer, customer: string): Promise<string> {
  const id = await waitingConversation(customer);
  await acceptConversation({ conversationId: id, agent: owner }, db);
  return id;
}

describe('transfer', () => {
  it('to an agent: they accept, the conversation and its history move, the note stays private', async () => {
    await everyoneOffline();
    const from = await agent('Hal', { presence: 'busy' });
    const to = await agent('Ida', { presence: 'busy' });
    const conversation = await activeConversation(from, 'transferred-customer');
    await requestTransfer({ conversationId: conversation, agent: from, to: { agentId: to.id }, note: 'Billing question', expiresInMs: TIMEOUT }, db);
    await expect(
      requestTransfer({ conversationId: conversation, agent: from, to: { agentId: to.id }, expiresInMs: TIMEOUT }, db),
    ).rejects.toMatchObject({ code: 'TransferPending' });
    const [offer] = await pendingOffersFor(to.id, db);
    expect(offer).toMatchObject({ kind: 'transfer', fromName: 'Hal', note: 'Billing question' });

    const summary = await acceptOffer({ offerId: offer!.id, agent: to }, db);
    expect(summary).toMatchObject({ state: 'active', ownerId: to.id, ownerName: 'Ida' });
    expect(await lifecycleNames(conversation)).toEqual(['AgentAssigned', 'AgentAccepted', 'TransferToAgentInitiated', 'TransferAgentAcceptSession']);
    const note = await db.activity.findFirstOrThrow({ where: { conversationId: conversation, name: 'transferNote' } });
    expect(note).toMatchObject({ direction: 'internal', text: 'Billing question' });
    await expect(
      sendAgentMessage({ conversationId: conversation, agent: from, text: 'still me?', clientId: 'after-transfer' }, db),
    ).rejects.toSatisfy(refusedWith(403));
  });

  it('to an agent who declines (or lets it time out): it stays with the owner', async () => {
    await everyoneOffline();
    const from = await agent('Jo', { presence: 'busy' });
    const to = await agent('Kim', { presence: 'busy' });
    const conversation = await activeConversation(from, 'kept-customer');
    await requestTransfer({ conversationId: conversation, agent: from, to: { agentId: to.id }, expiresInMs: TIMEOUT }, db);
    const [offer] = await pendingOffersFor(to.id, db);
    await declineOffer({ offerId: offer!.id, agent: to }, db);
    await requestTransfer({ conversationId: conversation, agent: from, to: { agentId: to.id }, expiresInMs: TIMEOUT }, db);
    await route(new Date(Date.now() + TIMEOUT + 1000));
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation } });
    expect(after).toMatchObject({ state: 'active', ownerId: from.id });
    expect((await lifecycleNames(conversation)).slice(2)).toEqual([
      'TransferToAgentInitiated',
      'TransferAgentRejectSession',
      'TransferToAgentInitiated',
      'TransferAgentTimedOutSession',
    ]);
  });

  it('to a queue: it waits there unowned and routing offers it on', async () => {
    await everyoneOffline();
    const from = await agent('Lu', { presence: 'busy' });
    const billing = await db.queue.create({ data: { name: `Billing ${Date.now()}` } });
    const member = await agent('Mo');
    await db.queueMember.create({ data: { queueId: billing.id, agentId: member.id } });
    const conversation = await activeConversation(from, 'queued-again-customer');
    const summary = await requestTransfer({ conversationId: conversation, agent: from, to: { queueId: billing.id }, expiresInMs: TIMEOUT }, db);
    expect(summary).toMatchObject({ state: 'queued', ownerId: null, queueName: billing.name });
    expect((await lifecycleNames(conversation)).at(-1)).toBe('TransferToQueueInitiated');
    await route();
    const [offer] = await pendingOffersFor(member.id, db);
    expect(offer).toMatchObject({ conversationId: conversation, queueName: billing.name });
  });

  it('is the owner’s to start', async () => {
    await everyoneOffline();
    const owner = await agent('Ned', { presence: 'busy' });
    const other = await agent('Ola', { presence: 'busy' });
    const conversation = await activeConversation(owner, 'not-yours-customer');
    await expect(
      requestTransfer({ conversationId: conversation, agent: other, to: { agentId: owner.id }, expiresInMs: TIMEOUT }, db),
    ).rejects.toMatchObject({ code: 'NotOwner' });
  });
});

describe('consult', () => {
  it('opens a private thread: the consultant reads and writes notes, writes to the customer only once added', async () => {
    await everyoneOffline();
    const owner = await agent('Pia', { presence: 'busy' });
    const expert = await agent('Quin', { presence: 'busy' });
    const conversation = await activeConversation(owner, 'consulted-customer');
    await requestConsult({ conversationId: conversation, agent: owner, targetId: expert.id, note: 'Is this refundable?', expiresInMs: TIMEOUT }, db);
    const [offer] = await pendingOffersFor(expert.id, db);
    expect(offer).toMatchObject({ kind: 'consult', fromName: 'Pia', note: 'Is this refundable?' });
    const summary = await acceptOffer({ offerId: offer!.id, agent: expert }, db);
    expect(summary.consultants).toEqual([{ agentId: expert.id, name: 'Quin', joined: false }]);
    expect(summary.ownerId).toBe(owner.id);

    await expect(
      sendAgentMessage({ conversationId: conversation, agent: expert, text: 'Hello customer', clientId: 'consult-1' }, db),
    ).rejects.toSatisfy(refusedWith(403));
    const note = await sendAgentMessage({ conversationId: conversation, agent: expert, text: 'Yes, within 30 days', clientId: 'consult-2', note: true }, db);
    expect(note).toMatchObject({ note: true, author: 'agent' });

    await addConsultantToConversation({ conversationId: conversation, agent: owner, consultantId: expert.id }, db);
    const reply = await sendAgentMessage({ conversationId: conversation, agent: expert, text: 'Hello, I can help with the refund', clientId: 'consult-3' }, db);
    expect(reply.note).toBe(false);

    const ended = await endConsult({ conversationId: conversation, agent: expert, consultantId: expert.id }, db);
    expect(ended.consultants).toEqual([]);
    expect((await lifecycleNames(conversation)).slice(2)).toEqual([
      'ConsultAgentInitiated',
      'ConsultAgentAcceptSession',
      'AgentJoinedCustomerConversation',
      // Seed 000's name for a consultant leaving once they had joined the customer conversation.
      'ConsultAgentLeftPublicConversation',
    ]);
  });

  it('a declined consult request leaves nothing behind but its events', async () => {
    await everyoneOffline();
    const owner = await agent('Rae', { presence: 'busy' });
    const expert = await agent('Sol', { presence: 'busy' });
    const conversation = await activeConversation(owner, 'unconsulted-customer');
    await requestConsult({ conversationId: conversation, agent: owner, targetId: expert.id, expiresInMs: TIMEOUT }, db);
    const [offer] = await pendingOffersFor(expert.id, db);
    await declineOffer({ offerId: offer!.id, agent: expert }, db);
    expect(await db.consultant.count({ where: { conversationId: conversation } })).toBe(0);
    expect((await lifecycleNames(conversation)).slice(2)).toEqual(['ConsultAgentInitiated', 'ConsultAgentRejectSession']);
  });
});

describe('ending', () => {
  it('keeps a wrap-up note, ends consults, withdraws requests; a customer who writes again reopens the same conversation in its queue', async () => {
    await everyoneOffline();
    const owner = await agent('Tia', { presence: 'busy' });
    const expert = await agent('Uma', { presence: 'busy' });
    const other = await agent('Vic', { presence: 'busy' });
    const conversation = await activeConversation(owner, 'ending-customer');
    await requestConsult({ conversationId: conversation, agent: owner, targetId: expert.id, expiresInMs: TIMEOUT }, db);
    await acceptOffer({ offerId: (await pendingOffersFor(expert.id, db))[0]!.id, agent: expert }, db);
    await requestTransfer({ conversationId: conversation, agent: owner, to: { agentId: other.id }, expiresInMs: TIMEOUT }, db);

    const closed = await closeConversation({ conversationId: conversation, agent: owner, note: 'Refund issued, order 1234' }, db);
    expect(closed).toMatchObject({ state: 'closed', consultants: [], pendingRequests: [] });
    expect(await pendingOffersFor(other.id, db)).toEqual([]);
    const wrapUp = await db.activity.findFirstOrThrow({ where: { conversationId: conversation, name: 'wrapUp' } });
    expect(wrapUp).toMatchObject({ direction: 'internal', text: 'Refund issued, order 1234', agentId: owner.id });

    await receiveCustomerActivity(conversation, { type: 'message', text: 'one more thing', fromId: 'ending-customer', raw: {} }, db);
    const reopened = await db.conversation.findUniqueOrThrow({ where: { id: conversation } });
    expect(reopened).toMatchObject({ state: 'queued', ownerId: null, queueId, closedAt: null });
    expect(await db.activity.count({ where: { conversationId: conversation, name: 'wrapUp' } })).toBe(1);
  });
});

describe('racing commands', () => {
  it('concurrent Accept, transfer and close on one conversation end in one consistent outcome', async () => {
    for (let round = 0; round < 10; round++) {
      await everyoneOffline();
      const owner = await agent(`Racer ${round}`, { presence: 'busy' });
      const rival = await agent(`Rival ${round}`, { presence: 'busy' });
      const conversation = await activeConversation(owner, `race-customer-${round}`);
      const [accepted, transferred, closed] = await Promise.allSettled([
        acceptConversation({ conversationId: conversation, agent: rival }, db),
        requestTransfer({ conversationId: conversation, agent: owner, to: { queueId }, expiresInMs: TIMEOUT }, db),
        closeConversation({ conversationId: conversation, agent: owner, note: 'race' }, db),
      ]);
      for (const outcome of [accepted, transferred, closed]) {
        if (outcome.status === 'rejected') expect(statusOf((outcome.reason as AppError).code), String(outcome.reason)).toBeGreaterThanOrEqual(400);
      }
      // Transfer and close both start from the owner's active conversation: never both.
      expect(transferred.status === 'fulfilled' && closed.status === 'fulfilled').toBe(false);
      const final = await db.conversation.findUniqueOrThrow({ where: { id: conversation } });
      const names = await lifecycleNames(conversation);
      const count = (name: string) => names.filter((n) => n === name).length;
      expect(count('AgentEndSession')).toBe(closed.status === 'fulfilled' ? 1 : 0);
      expect(count('TransferToQueueInitiated')).toBe(transferred.status === 'fulfilled' ? 1 : 0);
      expect(count('AgentAccepted')).toBe(1 + (accepted.status === 'fulfilled' ? 1 : 0));
      if (accepted.status === 'fulfilled') {
        // Only possible once the transfer put it back in the queue, and then it is the rival's.
        expect(transferred.status).toBe('fulfilled');
        expect(final).toMatchObject({ state: 'active', ownerId: rival.id });
      } else if (closed.status === 'fulfilled') {
        expect(final).toMatchObject({ state: 'closed', ownerId: owner.id });
      } else if (transferred.status === 'fulfilled') {
        expect(final).toMatchObject({ state: 'queued', ownerId: null });
      }
      expect(await db.offer.count({ where: { conversationId: conversation, state: 'pending' } })).toBe(0);
    }
  });
});
