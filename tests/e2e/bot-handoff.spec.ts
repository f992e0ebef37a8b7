// Issue 19's "Done when": a Direct Line customer (Bot Framework Web Chat on /demo) talks to the queue's
// bot — a real botbuilder bot trusting the console as its channel — asks for a person, is taken by a
// rep in the console, and the bot hears `accepted`, then `completed` when the rep ends it.
// Its own console: the General queue's bot is set for this spec alone.
import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { ConsoleClient } from '../support/clients';
import { testOnOwnApp } from '../support/e2e-own-app';
import { repSessions } from '../support/e2e-reps';
import { HandoffBot } from '../support/handoff-bot';

const test = testOnOwnApp();
const signIn = repSessions();

let bot: HandoffBot | null = null;

test.afterEach(async () => {
  await bot?.stop();
});

test('a Web Chat customer talks to the bot, asks for a person, a rep takes over; the bot hears accepted then completed', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const appId = `e2e-bot-${randomUUID()}`;
  bot = await HandoffBot.start({ appId, issuer: baseURL!, skill: 'General' });
  const ada = await ConsoleClient.signIn('ada@demo.test');
  const queues = await ada.call('GET', '/api/console/admin/queues');
  const general = (queues.body.items as { id: string; name: string }[]).find((queue) => queue.name === 'General')!;
  expect((await ada.call('PATCH', `/api/console/admin/queues/${general.id}`, { bot: { mode: 'own', endpoint: bot.endpoint, appId } })).status).toBe(200);

  const name = `Bo Botcustomer ${Date.now()}`;
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(`/demo?name=${encodeURIComponent(name)}`);
  await expect(customer.getByText('Connectivity Status: Connected')).toBeAttached();
  const sendBox = customer.getByRole('textbox', { name: 'Message input box' });
  const chat = customer.getByRole('feed');
  await sendBox.fill('Where is my parcel?');
  await sendBox.press('Enter');
  await expect(chat.getByRole('article', { name: /echo: Where is my parcel\?/ })).toBeVisible();

  // While the bot holds it, reps are not asked to take it.
  const rep = await signIn(browser, 'alice@demo.test');
  await rep.getByRole('button', { name: 'Unassigned' }).click();
  const entry = rep.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) });
  await expect(rep.getByRole('list', { name: 'Conversations' })).toBeVisible();
  await expect(entry).toHaveCount(0);

  await sendBox.fill('agent');
  await sendBox.press('Enter');
  await expect(chat.getByRole('article', { name: /Let me find a person for you\./ })).toBeVisible();

  // Handed over: it waits in Unassigned; the rep sees what the bot and the customer said and why.
  await expect(entry).toBeVisible();
  await entry.click();
  const transcript = rep.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByRole('article').filter({ hasText: 'echo: Where is my parcel?' })).toBeVisible();
  await expect(rep.getByRole('complementary', { name: 'Bot handoff' })).toContainText('The customer asked for a person');
  await rep.getByRole('button', { name: 'Accept' }).click();
  await bot.waitFor(() => bot!.handoffStatuses.some((status) => status.state === 'accepted'), 20_000, 'handoff.status accepted');

  await rep.getByRole('textbox', { name: 'Message' }).fill('Hi, Alice here. Let me look at your parcel.');
  await rep.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByRole('article', { name: /Alice here/ })).toBeVisible();

  // From now on the customer speaks to the rep only.
  const botHeard = bot.received.length;
  await sendBox.fill('Thanks Alice');
  await sendBox.press('Enter');
  await expect(transcript.getByRole('article').filter({ hasText: 'Thanks Alice' })).toBeVisible();

  await rep.getByRole('button', { name: 'End conversation' }).click();
  await expect(transcript.getByRole('article', { name: 'Conversation closed' })).toBeVisible();
  await bot.waitFor(() => bot!.handoffStatuses.some((status) => status.state === 'completed'), 20_000, 'handoff.status completed');
  const states = bot.handoffStatuses.map((status) => status.state);
  expect(states).toEqual(['accepted', 'completed']);
  expect(bot.received.slice(botHeard).filter((activity) => activity.type === 'message')).toEqual([]);
  await customer.context().close();
});
