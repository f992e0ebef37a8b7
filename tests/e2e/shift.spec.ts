import { expect, test } from '@playwright/test';
import { customerSays, startDirectLine } from '../support/clients';
import { repSessions } from '../support/e2e-reps';

const signIn = repSessions();

async function newCustomer(label: string) {
  const name = `${label} ${Date.now()}`;
  const user = { id: `shift-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, name };
  const start = await startDirectLine(user);
  await customerSays(start, `Hello, this is ${name}`, user);
  return { name, start, user };
}

test('consult in a private thread, transfer with a note, end with a wrap-up — all without a reload', async ({ browser }) => {
  test.slow(); // a long scenario of three people; on a loaded machine it outlasts the default budget
  const alice = await signIn(browser, 'alice@demo.test');
  const bob = await signIn(browser, 'bob@demo.test');
  const customer = await newCustomer('Handover Customer');

  await alice.getByRole('button', { name: 'Unassigned' }).click();
  await alice.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(customer.name) }).click();
  await alice.getByRole('button', { name: 'Accept' }).click();
  await expect(alice.getByRole('button', { name: 'End conversation' })).toBeVisible();

  // Consult: Bob joins a private thread and reads the conversation.
  await alice.getByRole('button', { name: 'Consult' }).click();
  const consultDialog = alice.getByRole('dialog', { name: 'Consult' });
  await consultDialog.getByLabel('Colleague').selectOption({ label: 'Bob' });
  await consultDialog.getByLabel('Question').fill('Can we refund after 40 days?');
  await consultDialog.getByRole('button', { name: 'Consult' }).click();
  await expect(consultDialog).toHaveCount(0);
  await expect(alice.getByRole('region', { name: 'Consult and transfer' })).toContainText('Waiting for Bob');

  const request = bob.getByRole('region', { name: 'Requests for you' }).getByRole('listitem', { name: new RegExp(customer.name) });
  await expect(request).toContainText('Alice asks for your help');
  await expect(request).toContainText('Can we refund after 40 days?');
  await request.getByRole('button', { name: 'Join' }).click();
  const bobTranscript = bob.getByRole('log', { name: 'Transcript' });
  await expect(bobTranscript.getByRole('article').filter({ hasText: `Hello, this is ${customer.name}` })).toBeVisible();
  await expect(bob.getByRole('button', { name: 'Private note' })).toBeDisabled();
  await bob.getByRole('textbox', { name: 'Message' }).fill('Yes, as store credit');
  await bob.getByRole('button', { name: 'Send' }).click();

  const aliceTranscript = alice.getByRole('log', { name: 'Transcript' });
  await expect(aliceTranscript.getByRole('article').filter({ hasText: 'Yes, as store credit' })).toContainText('Private note');
  await expect(aliceTranscript.getByRole('article', { name: 'Bob joined the consult' })).toBeVisible();
  await alice.getByRole('button', { name: 'Remove Bob' }).click();
  await expect(bob.getByRole('textbox', { name: 'Message' })).toHaveCount(0);

  // Transfer to Bob with a note: he takes it, Alice can no longer write.
  await alice.getByRole('button', { name: 'Transfer' }).click();
  const transferDialog = alice.getByRole('dialog', { name: 'Transfer conversation' });
  await transferDialog.getByLabel('Transfer to').selectOption({ label: 'Bob' });
  await transferDialog.getByLabel('Note').fill('Offer store credit, the customer agreed');
  await transferDialog.getByRole('button', { name: 'Transfer' }).click();
  await expect(transferDialog).toHaveCount(0);

  const handover = bob.getByRole('region', { name: 'Requests for you' }).getByRole('listitem', { name: new RegExp(customer.name) });
  await expect(handover).toContainText('Alice wants to hand over');
  await handover.getByRole('button', { name: 'Take' }).click();
  await expect(bob.getByRole('button', { name: 'End conversation' })).toBeVisible();
  await expect(bobTranscript.getByRole('article').filter({ hasText: 'Offer store credit' })).toContainText('Transfer note');
  await expect(alice.getByText('Bob is handling this conversation.')).toBeVisible();
  await expect(aliceTranscript.getByRole('article', { name: 'Bob took the transferred conversation' })).toBeVisible();

  await bob.getByRole('textbox', { name: 'Message' }).fill('Hi, I have your store credit ready');
  await bob.getByRole('button', { name: 'Send' }).click();
  await expect(bobTranscript.getByRole('article').filter({ hasText: 'store credit ready' })).toContainText('Sent');

  // End with a wrap-up note; the conversation stays readable and searchable.
  await bob.getByRole('button', { name: 'End conversation' }).click();
  await expect(bobTranscript.getByRole('article', { name: 'Bob ended the conversation' })).toBeVisible();
  await bob.getByLabel(/Wrap-up note/).fill('Store credit issued');
  await bob.getByRole('button', { name: 'Save note' }).click();
  await expect(bobTranscript.getByRole('article').filter({ hasText: 'Store credit issued' })).toContainText('Wrap-up note');
  await expect(bob.getByRole('textbox', { name: 'Message' })).toHaveCount(0);

  await bob.getByRole('button', { name: 'All' }).click();
  await bob.getByRole('searchbox', { name: 'Search conversations' }).fill('store credit ready');
  await expect(bob.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(customer.name) })).toBeVisible();

  // The customer writes again: the same conversation reopens, unowned, in its queue.
  await customerSays(customer.start, 'One more question', customer.user);
  await expect(alice.getByRole('button', { name: 'Accept' })).toBeVisible();
  await alice.context().close();
  await bob.context().close();
});

test('a supervisor force-closes a conversation with a reason', async ({ browser }) => {
  const alice = await signIn(browser, 'alice@demo.test');
  const customer = await newCustomer('Force Closed Customer');
  await alice.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(customer.name) }).click();
  await alice.getByRole('button', { name: 'Accept' }).click();
  await expect(alice.getByRole('button', { name: 'End conversation' })).toBeVisible();

  const sam = await signIn(browser, 'sam@demo.test');
  await sam.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(customer.name) }).click();
  await sam.getByRole('button', { name: 'Force close' }).click();
  const dialog = sam.getByRole('dialog', { name: 'Force close conversation' });
  await expect(dialog).toContainText('also for Alice');
  await dialog.getByLabel('Reason').fill('Abusive language');
  await dialog.getByRole('button', { name: 'Force close' }).click();
  await expect(dialog).toHaveCount(0);

  const transcript = alice.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByRole('article', { name: 'Sam force-closed the conversation' })).toBeVisible();
  await expect(transcript.getByRole('article').filter({ hasText: 'Abusive language' })).toContainText('Force close reason');
  await expect(alice.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await expect(sam.getByRole('button', { name: 'Force close' })).toHaveCount(0);
  await alice.context().close();
  await sam.context().close();
});
