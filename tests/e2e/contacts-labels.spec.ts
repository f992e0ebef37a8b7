import { expect, test } from '@playwright/test';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { signIn } from '../support/console-page';

test('the customer panel shows the contact (attributes editable, merge and undo) and labels are picked with Alt+L and filter the inbox', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const ada = await ConsoleClient.signIn('ada@demo.test');
  const label = (await ada.call('POST', '/api/console/admin/labels', { name: `VIP ${stamp}`, colour: '#aa3300' })).body as { id: string };
  expect(label.id).toBeTruthy();
  expect((await ada.call('POST', '/api/console/admin/contact-attributes', { key: `tier_${stamp}`, label: `Tier ${stamp}`, type: 'choice', options: ['gold', 'silver'] })).status).toBe(201);
  const first = { id: `panel-a-${stamp}`, name: `Panel Ann ${stamp}` };
  const second = { id: `panel-b-${stamp}`, name: `Panel Bea ${stamp}` };
  await customerSays(await startDirectLine(second), 'an older question', second);
  await customerSays(await startDirectLine(first), 'where is my parcel', first);

  await signIn(page, 'alice@demo.test');
  const inbox = page.getByRole('list', { name: 'Conversations' });
  await inbox.getByRole('link', { name: new RegExp(first.name) }).click();

  const contact = page.getByRole('complementary', { name: 'Customer' }).getByRole('region', { name: 'Contact' });
  await expect(contact.getByRole('list', { name: 'Identities' })).toContainText(`directline · ${first.id}`);
  await contact.getByLabel(`Tier ${stamp}`).selectOption('gold');
  await expect.poll(async () => {
    const found = (await ada.call('GET', `/api/console/contacts?q=${encodeURIComponent(first.name)}`)).body.items[0] as { id: string };
    const view = (await ada.call('GET', `/api/console/contacts/${found.id}`)).body as { attributes: { key: string; value: unknown }[] };
    return view.attributes.find((a) => a.key === `tier_${stamp}`)?.value;
  }).toBe('gold');

  // Labels: Alt+L opens the picker; the header, the inbox row and the label filter follow.
  await page.keyboard.press('Alt+L');
  const picker = page.getByRole('dialog', { name: 'Labels' });
  await picker.getByRole('checkbox', { name: `VIP ${stamp}` }).check();
  await picker.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('group', { name: 'Labels' })).toContainText(`VIP ${stamp}`);
  await expect(inbox.getByRole('link', { name: new RegExp(first.name) })).toContainText(`VIP ${stamp}`);
  await page.getByRole('combobox', { name: 'Label' }).selectOption({ label: `VIP ${stamp}` });
  await expect(inbox.getByRole('link')).toHaveCount(1);
  await expect(inbox.getByRole('link', { name: new RegExp(second.name) })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Label' }).selectOption({ label: 'Any label' });
  await expect(inbox.getByRole('link', { name: new RegExp(second.name) })).toBeVisible();

  // Merge the other customer into this contact from the search box, then undo it.
  await contact.getByRole('searchbox', { name: 'Find a contact to merge' }).fill(second.name);
  await contact.getByRole('button', { name: `Merge ${second.name} into this contact` }).click();
  const conversations = contact.getByRole('list', { name: 'Conversations on every channel' });
  await expect(conversations).toContainText('an older question');
  await contact.getByRole('button', { name: 'Undo merge' }).click();
  await expect(contact.getByRole('button', { name: 'Undo merge' })).toHaveCount(0);
  await expect(contact.getByText('No other conversations.')).toBeVisible();
});
