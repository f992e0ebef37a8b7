// `Erase customer data` (CONTRACT.md "Erasing a customer"): an administrator sees the button beside
// the customer, its dialog, and after `Erase` the customer is gone from the inbox and search, also in
// the consoles of the agent and supervisor who had the conversation open; agents and supervisors do
// not see the button (and the API refuses them).
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { ConsoleClient, customerSays, directLine, startDirectLine } from '../support/clients';
import { repSessions } from '../support/e2e-reps';

const signIn = repSessions();

async function openConversation(page: Page, conversationId: string, customer: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/?c=${encodeURIComponent(conversationId)}`);
  const panel = page.getByRole('complementary', { name: 'Customer' });
  await expect(panel.getByRole('heading', { name: customer })).toBeVisible();
  return panel;
}

test('an administrator erases a customer; agents and supervisors do not see the button', async ({ browser }) => {
  test.setTimeout(90_000);
  const customer = `Erasable ${randomUUID().slice(0, 8)}`;
  const user = { id: `erase-e2e-${randomUUID()}`, name: customer };
  const start = await startDirectLine(user);
  await customerSays(start, 'please forget me', user);
  const id = start.conversationId;

  const watching: Page[] = [];
  for (const email of ['alice@demo.test', 'sam@demo.test']) {
    const repPage = await signIn(browser, email);
    watching.push(repPage);
    const panel = await openConversation(repPage, id, customer);
    await expect(panel.getByRole('link', { name: 'Export customer data' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Erase customer data' })).toHaveCount(0);
    const rep = await ConsoleClient.signIn(email);
    expect((await rep.call('POST', `/api/console/conversations/${id}/customer/erase`, {})).status).toBe(403);
  }

  const page = await signIn(browser, 'ada@demo.test');
  const panel = await openConversation(page, id, customer);
  await expect(panel.getByRole('link', { name: 'Export customer data' })).toBeVisible();
  await panel.getByRole('button', { name: 'Erase customer data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase customer data' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Customer' })).toHaveCount(0);

  // The agent and the supervisor still had it open: their consoles drop it and say why.
  for (const repPage of watching) {
    await expect(repPage.getByRole('status').filter({ hasText: 'This conversation was erased' })).toBeVisible();
    await expect(repPage.getByRole('complementary', { name: 'Customer' })).toHaveCount(0);
    await expect(repPage.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(customer) })).toHaveCount(0);
  }

  const ada = await ConsoleClient.signIn('ada@demo.test');
  expect((await ada.call('GET', `/api/console/conversations/${id}`)).status).toBe(404);
  expect((await ada.call('GET', `/api/console/conversations?filter=all&q=${encodeURIComponent(customer)}`)).body.items).toEqual([]);
  expect((await directLine(`/conversations/${id}/activities`, { auth: start.token })).status).toBe(404);
});
