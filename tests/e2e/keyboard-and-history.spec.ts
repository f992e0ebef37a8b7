import { expect, test } from '@playwright/test';
import { customerSays, startDirectLine } from '../support/clients';

test('long histories load upward, Alt+J/Alt+K move between conversations, ? lists the shortcuts', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const name = `Chatty Customer ${stamp}`;
  // Alt+J needs a conversation below this one, whatever ran before (the spec may run alone).
  const quiet = { id: `quiet-${stamp}`, name: `Quiet Customer ${stamp}` };
  await customerSays(await startDirectLine(quiet), 'an earlier question', quiet);
  const start = await startDirectLine({ id: `chatty-${stamp}`, name });
  for (let i = 1; i <= 105; i++) await customerSays(start, `line ${i} of ${stamp}`, { id: `chatty-${stamp}`, name });

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('alice@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const inbox = page.getByRole('list', { name: 'Conversations' });
  await inbox.getByRole('link', { name: new RegExp(name) }).click();

  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByRole('article', { name: `${name}: line 105 of ${stamp}` })).toBeVisible();
  await expect(transcript.getByRole('article', { name: `${name}: line 1 of ${stamp}` })).toHaveCount(0);
  await transcript.getByRole('button', { name: 'Load earlier messages' }).click();
  await expect(transcript.getByRole('article', { name: `${name}: line 1 of ${stamp}` })).toBeAttached();
  await expect(transcript.getByRole('button', { name: 'Load earlier messages' })).toHaveCount(0);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Alt+J');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  const current = () => inbox.locator('a[aria-current="page"]');
  await expect(current()).toContainText(name);
  await page.keyboard.press('Alt+J');
  await expect(current()).not.toContainText(name);
  await page.keyboard.press('Alt+K');
  await expect(current()).toContainText(name);
});
