import { expect, test } from '@playwright/test';
import { acceptConversation, signIn } from '../support/console-page';

// The satisfaction survey end to end: an administrator turns it on for the General queue, a rep ends
// a Web Chat conversation, the customer rates it in Web Chat's rendering of the card, the rep sees it.
test('Web Chat on /demo shows the survey card after the rep ends the conversation; the rating reaches the rep', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'ada@demo.test');
  await admin.goto('/admin');
  const general = admin.getByRole('group', { name: /^General/ });
  const surveySwitch = general.getByRole('checkbox', { name: 'Satisfaction survey when a conversation closes' });
  await surveySwitch.check();
  // Saved: the server's list says so after a reload.
  await expect(surveySwitch).toBeEnabled();
  await admin.reload();
  await expect(surveySwitch).toBeChecked();
  try {
    const name = `Rita Rating ${Date.now()}`;
    const customer = await (await browser.newContext()).newPage();
    await customer.goto(`/demo?name=${encodeURIComponent(name)}`);
    await expect(customer.getByText('Connectivity Status: Connected')).toBeAttached();
    const sendBox = customer.getByRole('textbox', { name: 'Message input box' });
    await sendBox.fill('Where is my order?');
    await sendBox.press('Enter');

    const agent = await (await browser.newContext()).newPage();
    await signIn(agent, 'alice@demo.test');
    await acceptConversation(agent, name);
    await agent.getByRole('button', { name: 'End conversation' }).click();

    const chat = customer.getByRole('feed');
    await expect(chat.getByText('How satisfied are you with the help you got?').first()).toBeVisible();
    await chat.getByRole('radio', { name: '5 - Very satisfied' }).check();
    await chat.getByRole('textbox', { name: /Anything to add/ }).fill('Lovely, thanks');
    await chat.getByRole('button', { name: 'Send rating' }).click();

    const transcript = agent.getByRole('log', { name: 'Transcript' });
    const answer = transcript.getByRole('region', { name: 'Satisfaction survey answer' });
    await expect(answer).toContainText('Rated 5 of 5');
    await expect(answer).toContainText('Lovely, thanks');
    await expect(agent.getByRole('list', { name: 'Satisfaction' })).toContainText('5/5');
    // The answer did not reopen it: still closed, nothing to reply to.
    await expect(agent.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  } finally {
    await surveySwitch.uncheck();
    await expect(surveySwitch).not.toBeChecked();
  }
});
