import { expect, test } from '@playwright/test';
import { directLine } from '../support/clients';
import { signIn } from '../support/console-page';
import { HandoffBot } from '../support/handoff-bot';
import { baseUrl } from '../support/test-env';

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

test('an administrator checks a bot, gives a queue its own bot and checks it, and rotates the signing key', async ({ page }) => {
  const appId = `e2e-admin-bot-${Date.now()}`;
  const bot = await HandoffBot.start({ appId, issuer: baseUrl() });
  try {
    await signIn(page, 'ada@demo.test');
    await page.goto('/admin');
    const bots = page.getByRole('region', { name: 'Bots' });
    await expect(bots).toContainText(`${baseUrl()}/.well-known/openid-configuration`);

    const check = bots.getByRole('form', { name: 'Check a bot' });
    await check.getByLabel('Messaging endpoint').fill(bot.endpoint);
    await check.getByLabel('Microsoft app id').fill(appId);
    await check.getByRole('button', { name: 'Check bot' }).click();
    await expect(check.getByRole('status')).toHaveText("The bot accepted the console's token (HTTP 200).");
    expect(bot.received.at(-1)).toMatchObject({ type: 'conversationUpdate', recipient: { id: appId } });

    // A queue's own bot: endpoint and app id saved with the queue, checked from there.
    const queueName = `Bot queue ${Date.now()}`;
    await page.getByLabel('Queue name').fill(queueName);
    await page.getByRole('button', { name: 'Create queue' }).click();
    const queueBot = page.getByRole('group', { name: `${queueName} (0 waiting)` }).getByRole('form', { name: `Bot of ${queueName}` });
    await queueBot.getByLabel('Bot that answers first').selectOption({ label: 'This queue\'s own bot' });
    await queueBot.getByLabel('Bot messaging endpoint').fill(bot.endpoint);
    await queueBot.getByLabel('Bot app id').fill(appId);
    await queueBot.getByRole('button', { name: `Save bot of ${queueName}` }).click();
    await expect(queueBot).toContainText(`${appId} at ${bot.endpoint} answers first.`);
    await queueBot.getByRole('button', { name: 'Check bot' }).click();
    await expect(queueBot.getByRole('status')).toHaveText("The bot accepted the console's token (HTTP 200).");

    const keys = bots.getByRole('table', { name: 'Signing keys' });
    await expect(keys).toContainText('Signing');
    await bots.getByRole('button', { name: 'Rotate signing key' }).click();
    await expect(bots.getByRole('status').filter({ hasText: 'A new key is published.' })).toBeVisible();
    await expect(keys).toContainText('Published, not signing yet');
    // What the table lists is what bots fetch.
    await expect
      .poll(async () => {
        const published = (await (await fetch(`${baseUrl()}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
        const shown = await keys.locator('code').allTextContents();
        return published.keys.map((key) => key.kid).sort().join() === shown.sort().join() && shown.length >= 2;
      })
      .toBe(true);
  } finally {
    await bot.stop();
  }
});
