import { expect, test, type Page } from '@playwright/test';
import { customerSays, startDirectLine } from '../support/clients';
import { startCuttableProxy } from '../support/cuttable-proxy';
import { baseUrl } from '../support/test-env';

async function signInAndAccept(page: Page, label: string, origin = '') {
  const name = `${label} ${Date.now()}`;
  const user = { id: `attention-${Date.now()}`, name };
  const start = await startDirectLine(user);
  await customerSays(start, 'First message', user);
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email').fill('alice@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('button', { name: 'End conversation' })).toBeVisible();
  return { name, start, user };
}

test('the stream is cut, the customer writes meanwhile, and every message is there after — once', async ({ page }) => {
  const network = await startCuttableProxy(baseUrl());
  const { start, user } = await signInAndAccept(page, 'Cut Stream Customer', network.url);
  const transcript = page.getByRole('log', { name: 'Transcript' });

  network.cut();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Reconnecting…');
  for (const text of ['While you were away 1', 'While you were away 2', 'While you were away 3']) await customerSays(start, text, user);
  await expect(transcript.getByRole('article').filter({ hasText: 'While you were away 1' })).toHaveCount(0);
  network.restore();

  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText(/Reconnected|Live/);
  for (const text of ['While you were away 1', 'While you were away 2', 'While you were away 3']) {
    await expect(transcript.getByRole('article').filter({ hasText: text })).toHaveCount(1);
  }
  // And live again afterwards.
  await customerSays(start, 'Back to normal', user);
  await expect(transcript.getByRole('article').filter({ hasText: 'Back to normal' })).toHaveCount(1);
  await network.close();
});

test('in the background, a customer message brings a sound and a desktop notification (when the rep chose them)', async ({ page }) => {
  await page.addInitScript(() => {
    const record = window as unknown as { alerts: { title: string; body?: string }[]; beeps: number };
    record.alerts = [];
    record.beeps = 0;
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title: string, options?: NotificationOptions) {
        record.alerts.push({ title, body: options?.body });
      }
    }
    Object.assign(window, { Notification: RecordingNotification });
    const RealAudioContext = window.AudioContext;
    window.AudioContext = class extends RealAudioContext {
      createOscillator() {
        record.beeps += 1;
        return super.createOscillator();
      }
    };
    // The console tab is in the background.
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    document.hasFocus = () => false;
  });
  const { name, start, user } = await signInAndAccept(page, 'Background Customer');
  await page.getByText('Notifications', { exact: true }).click();
  await page.getByLabel('Desktop notifications').check();
  await expect(page.getByLabel('Sound')).toBeChecked();

  await customerSays(start, 'Anyone there?', user);
  await expect.poll(() => page.evaluate(() => (window as unknown as { alerts: unknown[] }).alerts)).toContainEqual({ title: name, body: 'Anyone there?' });
  expect(await page.evaluate(() => (window as unknown as { beeps: number }).beeps)).toBeGreaterThan(0);

  // Turned off: nothing more.
  await page.getByLabel('Desktop notifications').uncheck();
  await page.getByLabel('Sound').uncheck();
  await customerSays(start, 'Hello again?', user);
  await expect(page.getByRole('log', { name: 'Transcript' }).getByRole('article').filter({ hasText: 'Hello again?' })).toBeVisible();
  const alerts = await page.evaluate(() => (window as unknown as { alerts: { body?: string }[] }).alerts);
  expect(alerts.map((a) => a.body)).not.toContain('Hello again?');
});
