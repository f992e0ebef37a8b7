import { expect, test } from '@playwright/test';
import { customerSays, directLine, startDirectLine } from '../support/clients';

test('a Direct Line customer reaches a signed-in rep live, and the reply comes back', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill('alice@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const inbox = page.getByRole('list', { name: 'Conversations' });
  await expect(inbox).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();

  const name = `Web Customer ${Date.now()}`;
  const start = await startDirectLine({ id: 'e2e-user', name });
  await customerSays(start, 'Hello from the web', { id: 'e2e-user', name });

  // Appears without a reload, with its unread count.
  const entry = inbox.getByRole('link', { name: new RegExp(name) });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('1 unread');

  await page.getByRole('button', { name: 'Unassigned' }).click();
  await expect(inbox.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  await inbox.getByRole('link', { name: new RegExp(name) }).click();

  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByRole('article').filter({ hasText: 'Hello from the web' })).toBeVisible();

  // A second message arrives live in the open transcript.
  await customerSays(start, 'Are you there?', { id: 'e2e-user', name });
  await expect(transcript.getByRole('article').filter({ hasText: 'Are you there?' })).toBeVisible();

  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  // Accepted: it leaves Unassigned.
  await expect(inbox.getByRole('link', { name: new RegExp(name) })).toHaveCount(0);
  await page.getByRole('button', { name: 'Mine' }).click();
  await expect(inbox.getByRole('link', { name: new RegExp(name) })).toBeVisible();

  await page.getByRole('textbox', { name: 'Message' }).fill('Yes! How can I help?');
  await page.getByRole('button', { name: 'Send' }).click();
  const reply = transcript.getByRole('article').filter({ hasText: 'Yes! How can I help?' });
  await expect(reply).toContainText('Sent');

  // Enter sends too.
  await page.getByRole('textbox', { name: 'Message' }).fill('Second line');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(transcript.getByRole('article').filter({ hasText: 'Second line' })).toContainText('Sent');

  const read = await directLine(`/conversations/${start.conversationId}/activities?watermark=2`, { auth: start.token });
  // Only the replies: the console's own timeline (accepted, …) is not shown to the customer.
  expect(read.status).toBe(200);
  expect(Number(read.body.watermark)).toBeGreaterThan(2);
  expect(read.body.activities.map((a: { text: string }) => a.text)).toEqual(['Yes! How can I help?', 'Second line']);
  expect(read.body.activities[0].from).toMatchObject({ name: 'Alice', role: 'bot' });
});
