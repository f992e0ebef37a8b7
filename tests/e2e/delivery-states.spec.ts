import { expect, test } from '@playwright/test';
import { customerSays, startDirectLine } from '../support/clients';
import { FakeChannel } from '../support/fake-channel';
import { relayTo } from '../support/relay';

test('a rep sees Sending, Failed with the reason, and a Retry that delivers', async ({ page }) => {
  test.setTimeout(90_000);
  const receiver = await FakeChannel.start();
  try {
    const name = `Relay Customer ${Date.now()}`;
    const start = await startDirectLine({ id: 'relay-user', name });
    await relayTo(start.conversationId, receiver.url);
    await customerSays(start, 'Is anyone there?', { id: 'relay-user', name });

    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('alice@demo.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await receiver.waitFor(() => receiver.bodies().some((body) => body.name === 'AgentAccepted'));
    const transcript = page.getByRole('log', { name: 'Transcript' });
    await expect(transcript.getByRole('article', { name: /Alice accepted the conversation/ })).toBeVisible();

    receiver.always({ status: 503 });
    await page.getByRole('textbox', { name: 'Message' }).fill('This will need a retry');
    await page.getByRole('button', { name: 'Send' }).click();
    const message = transcript.getByRole('article').filter({ hasText: 'This will need a retry' });
    await expect(message).toContainText('Sending');
    await expect(message).toContainText('Failed: Channel answered 503 (3 attempts)', { timeout: 30_000 });

    receiver.always({ status: 200 });
    await message.getByRole('button', { name: 'Retry' }).click();
    await expect(message).toContainText('Sent', { timeout: 15_000 });
    await expect(message.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    const sends = receiver.bodies().filter((body) => body.text === 'This will need a retry');
    expect(sends).toHaveLength(4);
    expect(new Set(sends.map((body) => body.id)).size).toBe(1);

    await page.getByRole('button', { name: 'End conversation' }).click();
    await receiver.waitFor(() => receiver.bodies().some((body) => body.name === 'ConversationClosed'));
    await expect(transcript.getByRole('article', { name: 'Conversation closed' })).toBeVisible();
  } finally {
    await receiver.stop();
  }
});
