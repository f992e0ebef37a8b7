import { expect, test } from '@playwright/test';
import { directLine } from '../support/clients';

test('an administrator creates a queue and an agent in it, deactivates them, and rotates a Direct Line secret', async ({ page }) => {
  const stamp = Date.now();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('ada@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Administration' })).toBeVisible();

  await page.getByLabel('Queue name').fill(`Returns ${stamp}`);
  await page.getByRole('button', { name: 'Create queue' }).click();
  await expect(page.getByRole('group', { name: `Returns ${stamp} (0 waiting)` })).toBeVisible();

  const form = page.getByRole('form', { name: 'New agent' });
  await form.getByLabel('Email').fill(`rita-${stamp}@demo.test`);
  await form.getByLabel('Name').fill(`Rita ${stamp}`);
  await form.getByLabel('Initial password').fill('a long enough password');
  await form.getByRole('checkbox', { name: `Returns ${stamp}` }).check();
  await form.getByRole('button', { name: 'Create agent' }).click();
  const agents = page.getByRole('table', { name: 'Agents' });
  const row = agents.getByRole('row').filter({ hasText: `rita-${stamp}@demo.test` });
  await expect(row).toContainText(`Returns ${stamp}`);
  await row.getByRole('checkbox', { name: `Rita ${stamp} is active` }).uncheck();
  await expect(row.getByRole('checkbox', { name: `Rita ${stamp} is active` })).not.toBeChecked();

  // Direct Line rotation: the new secret is shown once and works; revoked, it stops.
  await page.getByRole('button', { name: 'New Direct Line secret' }).click();
  const secret = (await page.getByLabel('New secret').textContent())!;
  expect(secret.length).toBeGreaterThan(30);
  await expect.poll(async () => (await directLine('/conversations', { method: 'POST', auth: secret, body: {} })).status).toBe(201);
  await page.getByRole('button', { name: `Revoke ••••${secret.slice(-4)}` }).click();
  await expect(page.getByRole('button', { name: `Revoke ••••${secret.slice(-4)}` })).toHaveCount(0);
  await expect.poll(async () => (await directLine('/conversations', { method: 'POST', auth: secret, body: {} })).status).toBe(401);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
});
