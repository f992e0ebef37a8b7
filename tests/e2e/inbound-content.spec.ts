import { expect, test } from '@playwright/test';
import { directLine, startDirectLine } from '../support/clients';
import { acceptConversation, signIn } from '../support/console-page';
import { FakeChannel } from '../support/fake-channel';
import { FakeFileHost, tinyPdf } from '../support/fake-file-host';
import { TINY_PNG } from '../support/images';
import { postToBot, teamsChat } from '../support/teams';

let files: FakeFileHost;
test.beforeAll(async () => {
  files = await FakeFileHost.start();
});
test.afterAll(async () => {
  await files.stop();
});

/** The picture really loaded in the browser (not a broken image). */
async function loaded(image: import('@playwright/test').Locator) {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

test('a Teams picture in the transcript, fetched with the bot token', async ({ page }) => {
  const service = await FakeChannel.start();
  try {
    const chat = teamsChat(`${service.url}/amer/`);
    const name = `Teams Picture ${Date.now()}`;
    const contentUrl = files.file(`/amer/v3/attachments/${Date.now()}/views/original`, TINY_PNG, 'image/png', { bearerPrefix: 'bot-access-token-' });
    const message = chat.activity({ text: 'This is what I see', from: { ...chat.user, name }, attachments: [{ contentType: 'image/*', contentUrl }] });
    expect((await postToBot(message)).status).toBe(200);

    await signIn(page, 'alice@demo.test');
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) }).click();
    const article = page.getByRole('log', { name: 'Transcript' }).getByRole('article', { name: `${name}: This is what I see` });
    await loaded(article.getByRole('img', { name: 'Image' }));
  } finally {
    await service.stop();
  }
});

test('a Direct Line picture by URL, a file link, a failed fetch and a card answer', async ({ page }) => {
  const name = `Web Picture ${Date.now()}`;
  const user = { id: `user-${Date.now()}`, name };
  const start = await startDirectLine(user);
  const post = (activity: Record<string, unknown>) =>
    directLine(`/conversations/${start.conversationId}/activities`, {
      method: 'POST',
      auth: start.token,
      body: { type: 'message', from: user, channelData: { clientActivityID: `c-${Math.random().toString(36).slice(2)}` }, ...activity },
    });
  const picture = files.file(`/web/${Date.now()}/parcel.png`, TINY_PNG, 'image/png');
  const manual = files.file(`/web/${Date.now()}/manual.pdf`, tinyPdf(), 'application/pdf');
  expect(
    (
      await post({
        text: 'The parcel and its manual',
        attachments: [
          { contentType: 'image/png', contentUrl: picture, name: 'parcel.png' },
          { contentType: 'application/pdf', contentUrl: manual, name: 'manual.pdf' },
          { contentType: 'image/png', contentUrl: `${files.url}/missing.png`, name: 'missing.png' },
        ],
      })
    ).status,
  ).toBe(200);

  await signIn(page, 'alice@demo.test');
  await acceptConversation(page, name);
  const transcript = page.getByRole('log', { name: 'Transcript' });
  const article = transcript.getByRole('article', { name: `${name}: The parcel and its manual` });
  await loaded(article.getByRole('img', { name: 'parcel.png' }));
  const link = article.getByRole('link', { name: /manual\.pdf/ });
  await expect(link).toHaveAttribute('download', 'manual.pdf');
  const download = await page.request.get(await link.getAttribute('href').then((href) => href!));
  expect(Buffer.from(await download.body())).toEqual(tinyPdf());
  await expect(article).toContainText("Couldn't fetch missing.png: the server answered 404");

  // The rep posts the survey; the customer answers it from Web Chat.
  await page.getByRole('button', { name: 'Cards' }).click();
  await page.getByRole('menuitem', { name: 'Satisfaction survey' }).click();
  await page.getByRole('dialog', { name: 'Card preview: Satisfaction survey' }).getByRole('button', { name: 'Post card' }).click();
  await expect(transcript.getByLabel('Adaptive Card')).toHaveCount(1);
  const seen = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
  const card = seen.body.activities.find((activity: { attachments?: { contentType: string }[] }) => activity.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'));
  expect((await post({ replyToId: card.id, value: { rating: '4', comment: 'Fast, thanks', survey: 'satisfaction' }, channelData: { postBack: true, clientActivityID: 'survey-answer' } })).status).toBe(200);

  const answer = transcript.getByRole('region', { name: 'Card answer' });
  await expect(answer).toContainText(`Answers “How did we do, ${name}?”`);
  await expect(answer).toContainText('pressed “Submit”');
  await expect(answer.getByRole('definition')).toHaveText(['Satisfied', 'Fast, thanks']);
  await expect(answer.getByRole('term')).toHaveText(['Your rating', 'Anything we could do better?']);
});
