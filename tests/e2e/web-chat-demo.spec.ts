import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const CARD = JSON.parse(readFileSync(path.resolve('tests/fixtures/adaptive-card.simple.json'), 'utf8'));

test('Web Chat on /demo talks to a rep: message, typing, reply, image, suggested actions, card', async ({ browser }) => {
  test.setTimeout(90_000);
  const name = `Dana Demo ${Date.now()}`;
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(`/demo?name=${encodeURIComponent(name)}`);
  await expect(customer.getByText('Connectivity Status: Connected')).toBeAttached();
  const sendBox = customer.getByRole('textbox', { name: 'Message input box' });
  await sendBox.fill('Hello from Web Chat');
  await sendBox.press('Enter');
  const chat = customer.getByRole('feed');
  await expect(chat.getByRole('article', { name: /You said: Hello from Web Chat/ })).toBeVisible();

  const agent = await (await browser.newContext()).newPage();
  await agent.goto('/sign-in');
  await agent.getByLabel('Email').fill('alice@demo.test');
  await agent.getByLabel('Password').fill('demo-password');
  await agent.getByRole('button', { name: 'Sign in' }).click();
  const entry = agent.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) });
  await expect(entry).toContainText('1 unread');
  await entry.click();
  await expect(agent.getByRole('log', { name: 'Transcript' }).getByRole('article').filter({ hasText: 'Hello from Web Chat' })).toBeVisible();
  await agent.getByRole('button', { name: 'Accept' }).click();

  // The customer types; the rep sees it.
  await sendBox.pressSequentially('still here', { delay: 20 });
  await expect(agent.getByRole('status').filter({ hasText: `${name} is typing` })).toBeVisible();

  // The rep types; Web Chat announces it. The announcement is a live-region line Web Chat removes
  // after a second, so the customer's page is watched from before the first keystroke.
  const announced = customer.getByText('Alice is typing.').waitFor({ state: 'attached', timeout: 15_000 });
  await agent.getByRole('textbox', { name: 'Message' }).pressSequentially('Hi Dana, here is our **brochure**', { delay: 5 });
  await announced;

  await agent.getByRole('button', { name: 'Add suggested replies' }).click();
  await agent.getByRole('textbox', { name: 'Suggested replies' }).fill('Yes please, No thanks');
  await agent.getByLabel('Attach files').setInputFiles({ name: 'brochure.png', mimeType: 'image/png', buffer: PNG });
  await expect(agent.getByRole('button', { name: 'Send' })).toBeEnabled();
  await agent.getByRole('button', { name: 'Send' }).click();
  await expect(agent.getByRole('log', { name: 'Transcript' }).getByRole('article').filter({ hasText: 'brochure' })).toContainText('Sent');

  const reply = chat.getByRole('article', { name: /Hi Dana, here is our brochure/ });
  await expect(reply).toBeVisible();
  await expect(chat.getByRole('paragraph').filter({ hasText: 'Hi Dana, here is our' }).locator('strong', { hasText: 'brochure' })).toBeVisible();
  await expect(chat.getByRole('img', { name: 'brochure.png' })).toBeVisible();
  const suggested = customer.getByRole('toolbar', { name: 'Suggested actions' });
  await expect(suggested.getByRole('button', { name: 'Yes please' })).toBeVisible();

  // The customer picks a suggestion: it comes back as their message.
  await suggested.getByRole('button', { name: 'Yes please' }).click();
  await expect(agent.getByRole('log', { name: 'Transcript' }).getByRole('article', { name: `${name}: Yes please` })).toBeVisible();

  // An Adaptive Card from the rep side renders in Web Chat.
  const conversationId = new URL(agent.url()).searchParams.get('c')!;
  const card = await agent.request.post(`/api/console/conversations/${conversationId}/messages`, {
    data: { text: '', clientId: `card-${Date.now()}`, cards: [CARD] },
  });
  expect(card.status()).toBe(201);
  await expect(chat.getByText('Simple Adaptivecard Example with a Textbox')).toBeVisible();
});
