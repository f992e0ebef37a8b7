import { expect, test } from '@playwright/test';
import { FakeChannel } from '../support/fake-channel';
import { postToBot, teamsChat } from '../support/teams';

test('a Teams message, the reply with its replyToId, a read receipt, an edit and a soft delete', async ({ page }) => {
  test.setTimeout(60_000);
  const service = await FakeChannel.start();
  try {
    const chat = teamsChat(`${service.url}/amer/`);
    const first = chat.activity({ text: 'Hi from Teams 😀', from: { ...chat.user, name: `Teams User ${Date.now()}` } });
    const name = (first.from as { name: string }).name;
    expect((await postToBot(first)).status).toBe(200);

    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('alice@demo.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) }).click();
    await expect(page.getByLabel('Channel details')).toContainText('personal');
    const transcript = page.getByRole('log', { name: 'Transcript' });
    await expect(transcript.getByRole('article', { name: `${name}: Hi from Teams 😀` })).toBeVisible();
    await page.getByRole('button', { name: 'Accept' }).click();

    await page.getByRole('textbox', { name: 'Message' }).fill('Hello from the console');
    await page.getByRole('button', { name: 'Send' }).click();
    const mine = transcript.getByRole('article', { name: 'Alice: Hello from the console' });
    await expect(mine).toContainText('Sent');
    await service.waitFor(() => service.requests.length >= 1);
    expect(service.requests[0]!.path).toBe(`/amer/v3/conversations/${encodeURIComponent(chat.conversationId)}/activities/${first.id}`);
    expect(service.requests[0]!.body).toMatchObject({ replyToId: first.id, text: 'Hello from the console' });

    const teamsId = String(service.bodies().length && 1_700_000_000_001);
    expect((await postToBot(chat.activity({ type: 'event', name: 'application/vnd.microsoft.readReceipt', value: { lastReadMessageId: teamsId } }))).status).toBe(200);
    await expect(mine).toContainText('Read');

    expect((await postToBot(chat.activity({ type: 'messageUpdate', id: first.id, text: 'Hi from Teams (edited)', channelData: { eventType: 'editMessage' } }))).status).toBe(200);
    const edited = transcript.getByRole('article', { name: `${name}: Hi from Teams (edited)` });
    await expect(edited).toContainText('Edited');
    expect((await postToBot(chat.activity({ type: 'messageDelete', id: first.id, channelData: { eventType: 'softDeleteMessage' } }))).status).toBe(200);
    await expect(transcript.getByRole('article', { name: `${name}: message deleted` })).toContainText('Message deleted');
  } finally {
    await service.stop();
  }
});
