import { expect, test } from '@playwright/test';
import { directLine } from '../support/clients';
import { acceptConversation, customerWrites, signIn } from '../support/console-page';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

test('the emoji picker inserts at the caret, offline', async ({ page }) => {
  const name = `Emoji Customer ${Date.now()}`;
  await customerWrites(name, 'hi there');
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!['127.0.0.1', 'localhost'].includes(new URL(request.url()).hostname)) outside.push(request.url());
  });
  await signIn(page, 'alice@demo.test');
  await acceptConversation(page, name);

  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('Hello world');
  await box.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(5, 5));
  await page.getByRole('button', { name: 'Emoji' }).click();
  const picker = page.getByRole('dialog', { name: 'Emoji picker' });
  await picker.getByRole('searchbox').fill('thumbs up');
  await picker.getByRole('button', { name: '👍', exact: true }).first().click();
  await expect(picker).toBeHidden();
  await expect(box).toHaveValue('Hello👍 world');
  await expect(box).toBeFocused();
  expect(await box.evaluate((element: HTMLTextAreaElement) => element.selectionStart)).toBe('Hello👍'.length);
  expect(outside).toEqual([]);
});

test('canned responses on / insert with the customer name, and Enter does not send while the list is open', async ({ page }) => {
  const name = `Canned Customer ${Date.now()}`;
  const start = await customerWrites(name, 'where is my parcel?');
  await signIn(page, 'alice@demo.test');
  await acceptConversation(page, name);

  const box = page.getByRole('textbox', { name: 'Message' });
  const list = page.getByRole('listbox', { name: 'Canned responses' });
  await box.pressSequentially('/gre');
  await expect(list.getByRole('option')).toHaveText([/^Greeting/]);
  await expect(list.getByRole('option', { name: /Greeting/ })).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(list).toBeHidden();
  const greeting = `Hello ${name}, thanks for reaching out! How can I help you today?`;
  await expect(box).toHaveValue(greeting);

  // After whitespace, arrows move through the list; Escape closes it and keeps what was typed.
  await box.pressSequentially(' /');
  await expect(list).toBeVisible();
  const options = list.getByRole('option');
  expect(await options.count()).toBeGreaterThanOrEqual(4);
  await box.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await box.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveValue(`${greeting} /`);

  // Closed for that slash; a new slash opens it again, and a click inserts too, replacing the /query.
  await box.pressSequentially('c');
  await expect(list).toBeHidden();
  await box.press('Backspace');
  await box.press('Backspace');
  await box.pressSequentially('/clo');
  await expect(list).toBeVisible();
  await list.getByRole('option', { name: /Closing/ }).click();
  const closing = `Is there anything else I can help you with, ${name}? Have a great day!`;
  await expect(box).toHaveValue(`${greeting} ${closing}`);

  // Nothing was sent by the Enter that chose a response; now Send sends it all.
  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByRole('article').filter({ hasText: 'thanks for reaching out' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(transcript.getByRole('article', { name: `Alice: ${greeting} ${closing}` })).toContainText(/Sent|Delivered|Read/);
  const seen = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
  expect(seen.body.activities.filter((a: { text?: string }) => a.text?.includes('thanks for reaching out')).map((a: { text: string }) => a.text)).toEqual([
    `${greeting} ${closing}`,
  ]);
});

test('an Adaptive Card template is previewed, then reaches the customer as a card attachment', async ({ page }) => {
  const stamp = Date.now();
  const name = `Card Customer ${stamp}`;
  const start = await customerWrites(name, 'what about my order?');
  await signIn(page, 'alice@demo.test');
  await acceptConversation(page, name);

  await page.getByRole('button', { name: 'Cards' }).click();
  await expect(page.getByRole('menu', { name: 'Card templates' }).getByRole('menuitem')).toHaveText(['Confirmation', 'Satisfaction survey', 'Order status']);
  await page.getByRole('menuitem', { name: 'Order status' }).click();
  const preview = page.getByRole('dialog', { name: 'Card preview: Order status' });
  await preview.getByLabel('Order number').fill(`A-${stamp}`);
  await preview.getByLabel('Status').fill('Shipped');
  await expect(preview.getByLabel('Adaptive Card')).toContainText(`A-${stamp}`);
  await expect(preview.getByLabel('Adaptive Card')).toContainText(`Here is where your order stands, ${name}.`);
  await preview.getByRole('button', { name: 'Post card' }).click();
  await expect(preview).toBeHidden();

  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByLabel('Adaptive Card').filter({ hasText: `A-${stamp}` })).toBeVisible();
  await expect(transcript.getByRole('article').filter({ hasText: `A-${stamp}` })).toContainText(/Sent|Delivered|Read/);
  const seen = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
  const card = seen.body.activities.flatMap((a: { attachments?: { contentType: string; content: unknown }[] }) => a.attachments ?? []).find((a: { contentType: string }) => a.contentType === ADAPTIVE);
  expect(card?.content).toMatchObject({ type: 'AdaptiveCard', body: expect.arrayContaining([expect.objectContaining({ type: 'FactSet' })]) });
  expect(JSON.stringify(card.content)).toContain(`A-${stamp}`);

  // The survey carries a choice set; Escape leaves the preview without posting.
  await page.getByRole('button', { name: 'Cards' }).click();
  await page.getByRole('menuitem', { name: 'Satisfaction survey' }).click();
  const survey = page.getByRole('dialog', { name: 'Card preview: Satisfaction survey' });
  await expect(survey.getByRole('radio', { name: 'Very satisfied' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(survey).toBeHidden();
  await expect(transcript.getByLabel('Adaptive Card')).toHaveCount(1);
});
