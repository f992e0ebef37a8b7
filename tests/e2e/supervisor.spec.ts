import { expect, test } from '@playwright/test';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { FakeChannel } from '../support/fake-channel';
import { relayTo } from '../support/relay';
import { repSessions } from '../support/e2e-reps';

const signIn = repSessions();

test('Sam watches the Active conversations table, monitors one live without reading it, takes it over and force-closes it; the channel hears every step', async ({ browser }) => {
  test.setTimeout(90_000);
  const receiver = await FakeChannel.start();
  try {
    const name = `Supervised Customer ${Date.now()}`;
    const user = { id: `supervised-${Date.now()}`, name };
    const start = await startDirectLine(user);
    await relayTo(start.conversationId, receiver.url);
    await customerSays(start, 'I need help with my order', user);
    const alice = await ConsoleClient.signIn('alice@demo.test');
    expect((await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {})).status).toBe(200);

    const sam = await signIn(browser, 'sam@demo.test');
    await sam.goto('/supervisor');
    const table = sam.getByRole('table', { name: 'Active conversations' });
    const row = table.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Alice');
    await expect(row).toContainText('Active');
    await expect(sam.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: 'Alice' })).toBeVisible();

    // Live: a new conversation appears in the table without a reload.
    const waitingName = `Waiting Customer ${Date.now()}`;
    const waitingUser = { id: `waiting-${Date.now()}`, name: waitingName };
    const waiting = await startDirectLine(waitingUser);
    await customerSays(waiting, 'hello?', waitingUser);
    await expect(table.getByRole('row').filter({ hasText: waitingName })).toContainText('Waiting');

    // Monitor: the conversation opens; a customer message arrives live and stays unread for Alice.
    await row.getByRole('link', { name: `Monitor the conversation with ${name}` }).click();
    const transcript = sam.getByRole('log', { name: 'Transcript' });
    await customerSays(start, 'Still waiting for the refund', user);
    await expect(transcript.getByRole('article').filter({ hasText: 'Still waiting for the refund' })).toBeVisible();
    const seen = await alice.call('GET', `/api/console/conversations/${start.conversationId}`);
    expect(seen.body.unreadCount).toBeGreaterThan(0);

    // Take over: Sam owns it and answers.
    await sam.getByRole('button', { name: 'Take over' }).click();
    await expect(sam.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await sam.getByRole('textbox', { name: 'Message' }).fill('Sam here, I will sort this out');
    await sam.getByRole('button', { name: 'Send' }).click();
    await expect(transcript.getByRole('article').filter({ hasText: 'Sam here' })).toContainText('Sent');
    const afterTakeOver = await alice.call('POST', `/api/console/conversations/${start.conversationId}/messages`, { text: 'me again', clientId: `x-${Date.now()}` });
    expect(afterTakeOver.status).toBe(403);

    // Force close with a reason.
    await sam.getByRole('button', { name: 'Force close' }).click();
    const dialog = sam.getByRole('dialog', { name: 'Force close conversation' });
    await dialog.getByLabel('Reason').fill('Escalated to the refunds team');
    await dialog.getByRole('button', { name: 'Force close' }).click();
    await expect(transcript.getByRole('article', { name: 'Sam force-closed the conversation' })).toBeVisible();

    await receiver.waitFor(() => ['AgentAssigned', 'SupervisorForceClosedConversation', 'ConversationClosed'].every((event) => receiver.bodies().some((body) => body.name === event)));
    const names = receiver.bodies().map((body) => body.name).filter(Boolean);
    expect(names.indexOf('SupervisorForceClosedConversation')).toBeLessThan(names.lastIndexOf('ConversationClosed'));
    expect(receiver.bodies().some((body) => body.text === 'Sam here, I will sort this out')).toBe(true);

    // The log of supervisor actions.
    await sam.goto('/supervisor');
    const log = sam.getByRole('table', { name: 'Action log' });
    await expect(log.getByRole('row').filter({ hasText: name }).filter({ hasText: 'Took over' })).toBeVisible();
    await expect(log.getByRole('row').filter({ hasText: name }).filter({ hasText: 'Force-closed' })).toContainText('Escalated to the refunds team');
    await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  } finally {
    await receiver.stop();
  }
});
