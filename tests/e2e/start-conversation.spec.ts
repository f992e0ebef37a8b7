import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import type { AcsRequest } from '../support/fake-acs';

const fixture = JSON.parse(readFileSync(path.resolve('tests/fixtures/acs-advanced-message-received.text.json'), 'utf8'))[0];

/** The customer's last message was 25 hours ago (the only way to let a day pass in a test). */
async function ageWindow(phone: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // The column holds UTC without a zone, as Prisma writes it.
    await client.query(`UPDATE "Conversation" SET "lastInboundAt" = ($2::timestamptz AT TIME ZONE 'UTC') WHERE "customerId" = $1`, [
      phone,
      new Date(Date.now() - 25 * 3600_000).toISOString(),
    ]);
  } finally {
    await client.end();
  }
}

test('a rep writes first to a WhatsApp number whose 24-hour window has closed, with a template from the customer panel', async ({ page, request }) => {
  const phone = `1555${Date.now().toString().slice(-7)}`;
  const delivered = await request.post('/api/eventgrid/acs', { data: [{ ...fixture, id: randomUUID(), data: { ...fixture.data, from: phone, content: 'Where is my order?' } }] });
  expect(delivered.status()).toBe(200);

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('alice@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(phone) }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('button', { name: 'End conversation' }).click();
  await expect(page.getByRole('log', { name: 'Transcript' }).getByRole('article', { name: 'Conversation closed' })).toBeVisible();

  await ageWindow(phone);
  await page.reload();
  const start = page.getByRole('complementary', { name: 'Customer' }).getByRole('region', { name: 'Start a conversation' });
  await start.getByRole('button', { name: `Write to +${phone}` }).click();

  const dialog = page.getByRole('dialog', { name: 'Start conversation' });
  await expect(dialog).toContainText('the first message has to be an approved template');
  // Only approved templates are offered.
  await expect(dialog.getByLabel('Template').getByRole('option')).toHaveText(['order_follow_up (en_US)', 'welcome_back (zh_CN)']);
  await expect(dialog.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
  await dialog.getByLabel('Parameter 1').fill('Wang');
  await dialog.getByLabel('Parameter 2').fill('A-1001');
  await expect(dialog.getByLabel('Preview')).toHaveText('Hello Wang, about your order A-1001: may we help?');
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByRole('article', { name: 'Alice: Hello Wang, about your order A-1001: may we help?' })).toContainText('Sent');
  const sends = (await (await fetch(`${process.env.TEST_ACS_URL}/test/requests`)).json()) as AcsRequest[];
  const sent = sends.find((r) => (r.body?.to as string[] | undefined)?.[0] === phone && r.body?.kind === 'template');
  expect(sent?.body?.template).toMatchObject({ name: 'order_follow_up', language: 'en_US', values: [{ text: 'Wang' }, { text: 'A-1001' }] });

  // The conversation is Alice's again; its composer offers a template rather than free text while the window stays closed.
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await page.getByRole('button', { name: 'Send a template' }).click();
  const templates = page.getByRole('dialog', { name: 'Send a template' });
  await templates.getByLabel('Template').selectOption({ label: 'welcome_back (zh_CN)' });
  await templates.getByRole('button', { name: 'Send template' }).click();
  await expect(transcript.getByRole('article', { name: 'Alice: 欢迎回来！有什么可以帮您？' })).toContainText('Sent');
});
