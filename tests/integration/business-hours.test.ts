// Business hours per queue: an administrator sets the General queue's calendar over the admin API;
// customers write over Direct Line (some relayed to a fake custom channel, seed 000) and what comes
// out is observed where they and reps would see it: the Direct Line transcript, the channel's
// webhook, the console's offers.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, directLine, startDirectLine, type DirectLineStart } from '../support/clients';
import { createCustomChannel } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';
import { openConsole } from '../support/sse';
import { waitUntil } from '../support/wait-until';

const AWAY = 'We are closed right now; we answer from 09:00.';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

let ada: ConsoleClient;
let bob: ConsoleClient;
let general: string;
let receiver: FakeChannel;
let channelId: string;
const consoles: { close(): void }[] = [];

/** A zone where it is now between 02:00 and 22:00, and the local time and date there. */
function zoneAwayFromMidnight() {
  for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland']) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .formatToParts(new Date())
        .map((p) => [p.type, p.value]),
    );
    const minutes = Number(parts.hour) * 60 + Number(parts.minute);
    if (minutes >= 120 && minutes <= 22 * 60) return { timeZone, minutes, date: `${parts.year}-${parts.month}-${parts.day}` };
  }
  throw new Error('no zone away from midnight');
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const everyDay = (interval: { start: string; end: string }) => Object.fromEntries(WEEKDAYS.map((day) => [day, [interval]]));

/** Open every day, but not for the two hours around now. */
function closedNow() {
  const { timeZone, minutes } = zoneAwayFromMidnight();
  const interval = minutes < 720 ? { start: clock(minutes + 120), end: '24:00' } : { start: '00:00', end: clock(minutes - 120) };
  return { timeZone, weekly: everyDay(interval), holidays: [] };
}

function holidayToday() {
  const { timeZone, date } = zoneAwayFromMidnight();
  return { timeZone, weekly: everyDay({ start: '00:00', end: '24:00' }), holidays: [{ date, name: 'Test holiday' }] };
}

const setHours = (body: unknown) => ada.call('PUT', `/api/console/admin/queues/${general}/hours`, body);

async function customerWrites(label: string, relayed = false): Promise<DirectLineStart & { user: { id: string; name: string } }> {
  const user = { id: `${label}-${randomUUID().slice(0, 8)}`, name: label };
  const start = await startDirectLine(user);
  // Seed 000's relay: the conversation's rep side goes to the custom channel (as custom-channel-setup does).
  if (relayed) await db().conversation.update({ where: { id: start.conversationId }, data: { outboundChannelId: channelId } });
  await customerSays(start, 'Hello, anyone there?', user);
  return { ...start, user };
}

/** The console's messages in the customer's Direct Line transcript. */
async function botMessages(start: DirectLineStart): Promise<string[]> {
  const page = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
  return (page.body.activities as { type: string; from: { role?: string }; text?: string }[])
    .filter((a) => a.type === 'message' && a.from.role === 'bot')
    .map((a) => a.text ?? '');
}

const awayMessageArrives = (start: DirectLineStart) =>
  waitUntil(async () => ((await botMessages(start)).includes(AWAY) ? true : undefined), 20_000, 'the away message');

/** What the custom channel received for one conversation: lifecycle event names and message texts. */
function channelGot(conversationId: string) {
  const bodies = receiver.requests.filter((r) => r.path === `/v3/conversations/${conversationId}/activities`).map((r) => r.body);
  // Seed 000 sends a lifecycle event as a message with a `name` (and its text naming the event).
  return { events: bodies.filter((b) => b.name).map((b) => b.name), texts: bodies.filter((b) => !b.name && b.text).map((b) => b.text) };
}

beforeAll(async () => {
  ada = await ConsoleClient.signIn('ada@demo.test');
  bob = await ConsoleClient.signIn('bob@demo.test');
  general = (await ada.call('GET', '/api/console/admin/queues')).body.items.find((q: { name: string }) => q.name === 'General').id;
  receiver = await FakeChannel.start();
  channelId = (await createCustomChannel({ webhookUrl: receiver.url, token: 'static-token' })).id;
  // Bob is available with the console open: routing would offer him anything it may.
  consoles.push(await openConsole(bob));
  expect((await bob.call('PUT', '/api/console/me/presence', { presence: 'available' })).status).toBe(200);
});

afterAll(async () => {
  for (const console of consoles) console.close();
  await receiver?.stop();
  await db().$disconnect();
});

describe('business hours per queue', () => {
  it('refuses calendars that cannot be, with a 400 naming the problem', async () => {
    const ok = { timeZone: 'Europe/Berlin', weekly: { mon: [{ start: '09:00', end: '17:00' }] } };
    const bad = [
      { ...ok, timeZone: 'Europe/Atlantis' },
      { ...ok, weekly: { mon: [{ start: '09:00', end: '25:00' }] } },
      { ...ok, weekly: { mon: [{ start: '17:00', end: '09:00' }] } },
      { ...ok, weekly: { someday: [] } },
      { ...ok, holidays: [{ date: '25/12/2026' }] },
    ];
    for (const calendar of bad) {
      const answer = await setHours({ calendar, awayMessage: null });
      expect(answer.status, JSON.stringify(calendar)).toBe(400);
      expect(answer.body.error.code).toBe('BadArgument');
    }
    expect((await setHours({ calendar: ok, awayMessage: 'x'.repeat(1001) })).status).toBe(400);
    expect((await setHours({ calendar: ok })).status).toBe(400);
    expect((await ada.call('PUT', `/api/console/admin/queues/${randomUUID()}/hours`, { calendar: ok, awayMessage: null })).status).toBe(404);
    expect((await bob.call('PUT', `/api/console/admin/queues/${general}/hours`, { calendar: ok, awayMessage: null })).status).toBe(403);
    // Nothing half-written: the queue is still always open.
    const queue = (await ada.call('GET', '/api/console/admin/queues')).body.items.find((q: { id: string }) => q.id === general);
    expect(queue).toMatchObject({ calendar: null, awayMessage: null });
  });

  it('closed: the customer is told once per episode, the custom channel gets the event, routing waits for the hours', async () => {
    const calendar = closedNow();
    const saved = await setHours({ calendar, awayMessage: AWAY });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ calendar: { timeZone: calendar.timeZone }, awayMessage: AWAY });

    const first = await customerWrites('Night Owl');
    await awayMessageArrives(first);
    await customerSays(first, 'Still there?', first.user);

    const relayed = await customerWrites('Relayed Owl', true);
    await receiver.waitFor(() => channelGot(relayed.conversationId).events.length > 0);
    expect(channelGot(relayed.conversationId)).toEqual({ events: ['OutOfOperatingHoursDueToNonWorkingHours'], texts: [AWAY] });
    // A later tick has run since the first customer's second message: still one away message.
    expect(await botMessages(first)).toEqual([AWAY]);

    // Routing offered none of them to Bob, available and connected; reps still see them waiting.
    expect((await bob.call('GET', '/api/console/offers')).body.items).toEqual([]);
    const unassigned = (await bob.call('GET', '/api/console/conversations?filter=unassigned')).body.items as { id: string; state: string }[];
    expect(unassigned.find((c) => c.id === first.conversationId)?.state).toBe('queued');

    // The rep's transcript shows the automatic message and the event; the message is no rep's.
    const transcript = (await bob.call('GET', `/api/console/conversations/${first.conversationId}/activities`)).body.items as {
      type: string;
      name: string | null;
      text: string | null;
      agentId?: string | null;
    }[];
    expect(transcript.filter((a) => a.type === 'event').map((a) => a.name)).toEqual(['OutOfOperatingHoursDueToNonWorkingHours']);

    // A rep may still take one from Unassigned while closed; once closed, the customer's next message
    // starts a new episode, told again.
    const path = `/api/console/conversations/${first.conversationId}`;
    expect((await bob.call('POST', `${path}/accept`, {})).status).toBe(200);
    expect((await bob.call('POST', `${path}/close`, {})).status).toBe(200);
    await customerSays(first, 'Me again', first.user);
    await waitUntil(async () => ((await botMessages(first)).length === 2 ? true : undefined), 20_000, 'the away message of the new episode');
    expect(await botMessages(first)).toEqual([AWAY, AWAY]);

    // Opening hours now: routing offers the waiting conversations.
    expect((await setHours({ calendar: { ...calendar, weekly: everyDay({ start: '00:00', end: '24:00' }) }, awayMessage: AWAY })).status).toBe(200);
    await waitUntil(
      async () => {
        const offers = (await bob.call('GET', '/api/console/offers')).body.items as { conversationId: string }[];
        return offers.some((o) => o.conversationId === first.conversationId) || undefined;
      },
      20_000,
      'an offer once the queue opens',
    );
  });

  it('a holiday today: the custom channel hears OutOfOperatingHoursDueToHoliday', async () => {
    expect((await setHours({ calendar: holidayToday(), awayMessage: null })).status).toBe(200);
    const relayed = await customerWrites('Holiday Caller', true);
    await receiver.waitFor(() => channelGot(relayed.conversationId).events.length > 0);
    // No away message set: only the event.
    expect(channelGot(relayed.conversationId)).toEqual({ events: ['OutOfOperatingHoursDueToHoliday'], texts: [] });
    expect((await setHours({ calendar: null, awayMessage: null })).status).toBe(200);
  });
});
