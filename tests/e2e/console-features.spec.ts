import { expect, test } from '@playwright/test';
import { customerSays, directLine, startDirectLine } from '../support/clients';

test('markdown is rendered safely, notes stay private, drafts persist, search finds, the tab counts unread', async ({ page }) => {
  const stamp = Date.now();
  const name = `Feature Customer ${stamp}`;
  const start = await startDirectLine({ id: 'feature-user', name });
  const hostile = `**bold ${stamp}** and <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
  const sent = await directLine(`/conversations/${start.conversationId}/activities`, {
    method: 'POST',
    auth: start.token,
    body: { type: 'message', from: { id: 'feature-user', name }, text: hostile, textFormat: 'markdown' },
  });
  expect(sent.status).toBe(200);
  const other = await startDirectLine({ id: 'other-user', name: `Other Customer ${stamp}` });
  await customerSays(other, 'a different matter', { id: 'other-user', name: `Other Customer ${stamp}` });

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('alice@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveTitle(/^\(\d+\) Agent Console$/);

  await page.getByRole('searchbox', { name: 'Search conversations' }).fill(`bold ${stamp}`);
  const inbox = page.getByRole('list', { name: 'Conversations' });
  await expect(inbox.getByRole('link')).toHaveCount(1);
  await inbox.getByRole('link', { name: new RegExp(name) }).click();

  const transcript = page.getByRole('log', { name: 'Transcript' });
  const message = transcript.getByRole('article').filter({ hasText: `bold ${stamp}` });
  await expect(message.locator('strong', { hasText: `bold ${stamp}` })).toBeVisible();
  await expect(message).toContainText('<script>window.__pwned = 1</script>');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(message.locator('img')).toHaveCount(0);

  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('button', { name: 'Private note' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill('Customer sounds upset, be gentle');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(transcript.getByRole('article', { name: 'Alice: Customer sounds upset, be gentle' })).toContainText('Private note');
  const seenByCustomer = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
  expect(seenByCustomer.body.activities.some((a: { text?: string }) => a.text?.includes('be gentle'))).toBe(false);

  // A draft survives going to another conversation and back.
  await page.getByRole('button', { name: 'Private note' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill('half-written answer');
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');
  await page.getByRole('button', { name: 'All' }).click();
  await inbox.getByRole('link', { name: new RegExp(`Other Customer ${stamp}`) }).click();
  await expect(transcript.getByRole('article').filter({ hasText: 'a different matter' })).toBeVisible();
  await inbox.getByRole('link', { name: new RegExp(name) }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('half-written answer');
});
