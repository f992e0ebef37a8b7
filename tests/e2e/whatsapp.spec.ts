import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { AcsRequest } from '../support/fake-acs';

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve('tests/fixtures', `acs-${name}.json`), 'utf8'))[0];

async function deliver(request: import('@playwright/test').APIRequestContext, name: string, data: Record<string, unknown>) {
  const base = fixture(name);
  const response = await request.post('/api/eventgrid/acs', { data: [{ ...base, id: randomUUID(), data: { ...base.data, ...data } }] });
  expect(response.status()).toBe(200);
}

test('a WhatsApp image with its caption, the analysis panel, and the ticks of the reply', async ({ page, request }) => {
  const phone = `1555${Date.now().toString().slice(-7)}`;
  await deliver(request, 'advanced-message-received.media', { from: phone, media: { mimeType: 'image/jpeg', id: randomUUID(), caption: 'My broken vase' } });
  await deliver(request, 'advanced-message-analysis-completed', { from: phone });

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('alice@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(phone) }).click();

  const transcript = page.getByRole('log', { name: 'Transcript' });
  const photo = transcript.getByRole('article', { name: `+${phone}: My broken vase` });
  await expect(photo).toBeVisible();
  await expect(photo.getByRole('img')).toBeVisible();
  // The image opens in a viewer with a download link; Escape closes it.
  await photo.getByRole('img').click();
  const viewer = page.getByRole('dialog');
  await expect(viewer.getByRole('img')).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Download' })).toHaveAttribute('href', /\/api\/console\/attachments\//);
  await expect.poll(() => viewer.getByRole('img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  const analysis = page.getByRole('complementary', { name: 'Analysis' });
  await expect(analysis).toContainText('English (99%)');
  await expect(analysis).toContainText("Mother's Day");

  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('status').filter({ hasText: /WhatsApp reply window: 2[34] h/ })).toBeVisible();
  // WhatsApp shows no Adaptive Cards: the composer offers none there.
  await expect(page.getByRole('button', { name: 'Emoji' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cards' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Message' }).fill('Sorry to hear that, a new one is on its way');
  await page.getByRole('button', { name: 'Send' }).click();
  const reply = transcript.getByRole('article', { name: 'Alice: Sorry to hear that, a new one is on its way' });
  await expect(reply).toContainText('Sent');

  const sends = (await (await fetch(`${process.env.TEST_ACS_URL}/test/requests`)).json()) as AcsRequest[];
  const messageId = sends.find((r) => r.body?.content === 'Sorry to hear that, a new one is on its way')!.messageId!;
  await deliver(request, 'advanced-message-delivery-status.sent', { messageId, to: phone, status: 'Delivered' });
  await expect(reply).toContainText('Delivered');
  await deliver(request, 'advanced-message-delivery-status.sent', { messageId, to: phone, status: 'Read' });
  await expect(reply).toContainText('Read');
});
