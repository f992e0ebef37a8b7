import { expect } from '@playwright/test';
import { customerSays, startDirectLine } from '../support/clients';
import { testOnOwnApp } from '../support/e2e-own-app';
import { repSessions } from '../support/e2e-reps';

// Routing offers the longest-waiting conversation first: on a console of its own, that is this spec's.
const test = testOnOwnApp();
const signIn = repSessions();

async function newCustomer(label: string) {
  const name = `${label} ${Date.now()}`;
  const user = { id: `routed-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, name };
  const start = await startDirectLine(user);
  await customerSays(start, `Hello, this is ${name}`, user);
  return { name };
}

test('routing offers a new conversation to the available agent; Take opens it, Decline passes it on to Unassigned', async ({ browser }) => {
  const rep = await signIn(browser, 'alice@demo.test');
  await rep.getByLabel('Presence').selectOption('available');
  await expect(rep.getByLabel('Presence')).toHaveValue('available');

  const first = await newCustomer('Routed Customer');
  const offers = rep.getByRole('region', { name: 'Requests for you' });
  const offer = offers.getByRole('listitem', { name: new RegExp(first.name) });
  await expect(offer).toContainText('New conversation in General');
  await offer.getByRole('button', { name: 'Take' }).click();
  await expect(offer).toHaveCount(0);
  await expect(rep.getByRole('region', { name: `Conversation with ${first.name}` })).toBeVisible();
  await expect(rep.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect(rep.getByLabel('Load')).toHaveText('1/5');

  const second = await newCustomer('Declined Customer');
  const secondOffer = offers.getByRole('listitem', { name: new RegExp(second.name) });
  await secondOffer.getByRole('button', { name: 'Decline' }).click();
  await expect(secondOffer).toHaveCount(0);
  await rep.getByRole('button', { name: 'Unassigned' }).click();
  await expect(rep.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(second.name) })).toBeVisible();

  // End of shift: out of routing.
  await rep.getByLabel('Presence').selectOption('offline');
  await expect(rep.getByLabel('Presence')).toHaveValue('offline');
  await rep.context().close();
});
