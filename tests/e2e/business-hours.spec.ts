import { expect, test } from '@playwright/test';
import { acceptConversation, customerWrites, signIn } from '../support/console-page';

// A queue of its own: the General queue's hours would change routing for the other specs.
test('an administrator gives a queue business hours, a holiday and an away message; a bad time is refused', async ({ page }) => {
  const name = `Night desk ${Date.now()}`;
  await signIn(page, 'ada@demo.test');
  await page.goto('/admin');
  await page.getByLabel('Queue name').fill(name);
  await page.getByRole('button', { name: 'Create queue' }).click();

  const queue = page.getByRole('group', { name: `${name} (0 waiting)` });
  // Ada works it, so a conversation can be moved there below.
  await queue.getByRole('checkbox', { name: 'Ada' }).check();
  const membersSaved = page.waitForResponse((response) => response.url().endsWith('/members') && response.ok());
  await queue.getByRole('button', { name: `Save members of ${name}` }).click();
  await membersSaved;
  await page.reload();
  await expect(queue.getByRole('checkbox', { name: 'Ada' })).toBeChecked();
  await queue.getByText('Business hours').click();
  await queue.getByRole('checkbox', { name: 'Always open (no calendar)' }).uncheck();
  await queue.getByLabel('Time zone').selectOption('America/New_York');
  await queue.getByLabel('Monday').fill('09:00-12:00, 13:00-17:30');
  await queue.getByLabel('Friday').fill('09:00-25:00');
  await queue.getByRole('button', { name: `Save hours of ${name}` }).click();
  await expect(queue.getByRole('alert')).toBeVisible();

  await queue.getByLabel('Friday').fill('09:00-15:00');
  // Today (in New York) is a holiday, so the queue is closed now whatever the clock says.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  await queue.getByLabel('Holidays').fill(`${today} Test day\n2026-12-25 Christmas`);
  await queue.getByLabel(/Away message/).fill('We are closed; back at 09:00 New York time.');
  await queue.getByRole('button', { name: `Save hours of ${name}` }).click();
  await expect(queue.getByRole('status')).toHaveText('Saved.');

  await page.reload();
  const saved = page.getByRole('group', { name: `${name} (0 waiting)` });
  await saved.getByText('Business hours').click();
  await expect(saved.getByLabel('Time zone')).toHaveValue('America/New_York');
  await expect(saved.getByLabel('Monday')).toHaveValue('09:00-12:00, 13:00-17:30');
  await expect(saved.getByLabel('Friday')).toHaveValue('09:00-15:00');
  await expect(saved.getByLabel('Tuesday')).toHaveValue('');
  await expect(saved.getByLabel('Holidays')).toHaveValue(`${today} Test day\n2026-12-25 Christmas`);
  await expect(saved.getByLabel(/Away message/)).toHaveValue('We are closed; back at 09:00 New York time.');

  // A conversation moved to the closed queue waits for its opening hours, as the inbox says.
  const customer = `Late caller ${Date.now()}`;
  await customerWrites(customer, 'Are you open?');
  await page.goto('/');
  await acceptConversation(page, customer);
  await page.getByRole('button', { name: 'Transfer' }).click();
  const transfer = page.getByRole('dialog', { name: 'Transfer conversation' });
  await transfer.getByLabel('Transfer to').selectOption({ label: name });
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(transfer).toHaveCount(0);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(customer) })).toContainText('Waiting for opening hours');
});
