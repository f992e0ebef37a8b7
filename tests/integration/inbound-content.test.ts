// Pictures, files and card answers customers send, on every channel, as each channel sends them:
// fetched (bounded), stored like uploads, and shown to the rep — or, when a file cannot be had,
// the message kept with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, directLine, startDirectLine, type DirectLineStart } from '../support/clients';
import { FakeChannel } from '../support/fake-channel';
import { FakeFileHost, tinyPdf } from '../support/fake-file-host';
import { TEST_CONNECTOR_TOKEN } from '../support/fake-identity';
import { pngOfSize, TINY_PNG } from '../support/images';
import { postToBot, teamsChat } from '../support/teams';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

interface ActivityView {
  id: string;
  text: string | null;
  attachments: { id: string; name: string | null; contentType: string; size: number }[];
  fetchFailures: { name: string; reason: string }[];
  cardAnswer: { card: string | null; action: string | null; fields: { label: string; value: string }[] } | null;
}

let files: FakeFileHost;
let alice: ConsoleClient;

beforeAll(async () => {
  files = await FakeFileHost.start();
  alice = await ConsoleClient.signIn('alice@demo.test');
});
afterAll(async () => {
  await files.stop();
  await db().$disconnect();
});

const unique = () => Math.random().toString(36).slice(2, 10);

async function conversationOf(externalId: string) {
  return waitUntil(() => db().conversation.findFirst({ where: { externalId } }).then((row) => row ?? undefined), 5000, 'conversation');
}

async function transcript(conversationId: string): Promise<ActivityView[]> {
  const response = await alice.call('GET', `/api/console/conversations/${conversationId}/activities`);
  expect(response.status).toBe(200);
  return response.body.items;
}

/** The rep's copy of a stored file. */
async function bytesOf(attachmentId: string): Promise<Buffer> {
  const response = await fetch(`${baseUrl()}/api/console/attachments/${attachmentId}`, { headers: { Cookie: alice.cookieHeader() } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function accept(conversationId: string) {
  expect((await alice.call('POST', `/api/console/conversations/${conversationId}/accept`, {})).status).toBe(200);
}

async function repSendsCard(conversationId: string, card: object) {
  const sent = await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text: '', cards: [card], clientId: `card-${unique()}` });
  expect(sent.status).toBe(201);
  return sent.body as { id: string };
}

async function customerPosts(start: DirectLineStart, activity: Record<string, unknown>) {
  return directLine(`/conversations/${start.conversationId}/activities`, {
    method: 'POST',
    auth: start.token,
    body: { type: 'message', from: { id: 'dl-user', name: 'Dana Direct' }, channelData: { clientActivityID: `c-${unique()}` }, ...activity },
  });
}

async function directLineConversation() {
  const start = await startDirectLine({ id: 'dl-user', name: 'Dana Direct' });
  expect((await customerPosts(start, { text: 'Hello' })).status).toBe(200);
  return { start, conversationId: (await conversationOf(start.conversationId)).id };
}

describe('Teams: pictures and files the user sends', () => {
  it('fetches an inline picture with the bot token from the attachment store, which refuses anyone without it', async () => {
    const service = await FakeChannel.start();
    try {
      const chat = teamsChat(`${service.url}/amer/`);
      const path = `/amer/v3/attachments/0-eus-d1-${unique()}/views/original`;
      const contentUrl = files.file(path, TINY_PNG, 'image/png', { bearerPrefix: 'bot-access-token-' });
      expect((await fetch(contentUrl)).status).toBe(401);

      const message = chat.activity({
        attachments: [
          { contentType: 'image/*', contentUrl },
          { contentType: 'text/html', content: `<div><div><span><img height="1" src="${contentUrl}" width="1" itemtype="http://schema.skype.com/AMSImage"></span></div></div>` },
        ],
      });
      expect((await postToBot(message)).status).toBe(200);
      const conversation = await conversationOf(chat.conversationId);
      const [shown] = await transcript(conversation.id);
      // Teams names no inline picture: the transcript calls it an image, not `original`.
      expect(shown!.attachments).toEqual([{ id: expect.any(String), name: null, contentType: 'image/png', size: TINY_PNG.length }]);
      expect(shown!.fetchFailures).toEqual([]);
      expect(await bytesOf(shown!.attachments[0]!.id)).toEqual(TINY_PNG);
      expect(files.requests.filter((request) => request.path === path).at(-1)!.authorization).toMatch(/^Bearer bot-access-token-/);

      // Teams redelivers: stored once, fetched once.
      const fetches = files.requests.filter((request) => request.path === path).length;
      expect((await postToBot(message)).status).toBe(200);
      expect(await transcript(conversation.id)).toHaveLength(1);
      expect(files.requests.filter((request) => request.path === path).length).toBe(fetches);
      expect(await db().attachment.count({ where: { conversationId: conversation.id } })).toBe(1);
    } finally {
      await service.stop();
    }
  });

  it('downloads a file through its pre-authorised downloadUrl (no token sent), named as Teams names it', async () => {
    const chat = teamsChat('https://smba.example.test/amer/');
    const path = `/personal/terry/Documents/invoice-${unique()}.pdf`;
    const downloadUrl = `${files.file(path, tinyPdf(), 'application/octet-stream')}?tempauth=v1.eyJhbGciOiJub25lIn0`;
    const message = chat.activity({
      text: 'Here is the invoice',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          contentUrl: 'https://contoso-my.sharepoint.com/personal/terry/Documents/invoice.pdf',
          name: 'invoice.pdf',
          content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C8C', fileType: 'pdf' },
        },
      ],
    });
    expect((await postToBot(message)).status).toBe(200);
    const conversation = await conversationOf(chat.conversationId);
    const [shown] = await transcript(conversation.id);
    expect(shown).toMatchObject({ text: 'Here is the invoice', fetchFailures: [] });
    expect(shown!.attachments).toEqual([{ id: expect.any(String), name: 'invoice.pdf', contentType: 'application/pdf', size: tinyPdf().length }]);
    expect(files.requests.find((request) => request.path.startsWith(path))!.authorization).toBeNull();
  });
});

describe('Direct Line: files by URL and as data URIs', () => {
  it('fetches a picture given by URL and hands the client a link of ours', async () => {
    const { start, conversationId } = await directLineConversation();
    const contentUrl = files.file(`/pictures/${unique()}/broken-mug.png`, TINY_PNG, 'image/png');
    expect((await customerPosts(start, { text: 'It arrived broken', attachments: [{ contentType: 'image/png', contentUrl, name: 'broken-mug.png' }] })).status).toBe(200);
    const shown = (await transcript(conversationId)).at(-1)!;
    expect(shown).toMatchObject({ text: 'It arrived broken', fetchFailures: [] });
    expect(shown.attachments).toEqual([{ id: expect.any(String), name: 'broken-mug.png', contentType: 'image/png', size: TINY_PNG.length }]);

    const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
    const echoed = read.body.activities.at(-1);
    expect(echoed.attachments).toEqual([{ contentType: 'image/png', contentUrl: expect.stringContaining(baseUrl()), name: 'broken-mug.png' }]);
    expect(echoed.consoleContent).toBeUndefined();
  });

  it('takes a 100 KB picture as a data URI (beyond the 8 KB of a link)', async () => {
    const { start, conversationId } = await directLineConversation();
    const picture = Buffer.concat([pngOfSize(640, 480), Buffer.alloc(100 * 1024 - 33, 7)]);
    const contentUrl = `data:image/png;base64,${picture.toString('base64')}`;
    const posted = await customerPosts(start, { attachments: [{ contentType: 'image/png', contentUrl, name: 'photo.png' }] });
    expect(posted.status).toBe(200);
    const shown = (await transcript(conversationId)).at(-1)!;
    expect(shown.attachments).toEqual([{ id: expect.any(String), name: 'photo.png', contentType: 'image/png', size: 100 * 1024 }]);
    expect(await bytesOf(shown.attachments[0]!.id)).toEqual(picture);
    // The data URI is not kept in the activity: the client reads our link to the stored file.
    const raw = (await db().activity.findUniqueOrThrow({ where: { id: posted.body.id } })).raw as { attachments?: unknown[] };
    expect(JSON.stringify(raw).length).toBeLessThan(10_000);
  });

  it('still refuses an activity over 256K characters outside its data URIs', async () => {
    const { start } = await directLineConversation();
    const refused = await customerPosts(start, { text: 'x'.repeat(300 * 1024), attachments: [{ contentType: 'image/png', contentUrl: `data:image/png;base64,${TINY_PNG.toString('base64')}` }] });
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('keeps the text and says why for each file it could not fetch', async () => {
    const { start, conversationId } = await directLineConversation();
    const good = files.file(`/ok/${unique()}.png`, TINY_PNG, 'image/png');
    const attachments = [
      { contentType: 'image/png', contentUrl: good, name: 'fine.png' },
      { contentType: 'image/png', contentUrl: `${files.url}/gone/${unique()}.png`, name: 'gone.png' },
      { contentType: 'application/pdf', contentUrl: files.declaresSize(`/big/${unique()}`, 30 * 1024 * 1024), name: 'huge.pdf' },
      { contentType: 'application/pdf', contentUrl: files.endless(`/endless/${unique()}`), name: 'endless.bin' },
      { contentType: 'image/png', contentUrl: files.redirect(`/r/${unique()}`, 'http://169.254.169.254/latest/meta-data/'), name: 'metadata.png' },
      { contentType: 'image/png', contentUrl: files.redirect(`/r/${unique()}`, `http://127.0.0.2:${new URL(files.url).port}/ok`), name: 'loopback.png' },
      { contentType: 'image/png', contentUrl: files.hangs(`/slow/${unique()}`), name: 'slow.png' },
      { contentType: 'image/png', contentUrl: 'file:///etc/passwd', name: 'passwd.png' },
    ];
    const posted = await customerPosts(start, { text: 'Photos of the damage', attachments });
    expect(posted.status).toBe(200);
    const shown = (await transcript(conversationId)).at(-1)!;
    expect(shown.text).toBe('Photos of the damage');
    expect(shown.attachments.map((file) => file.name)).toEqual(['fine.png']);
    expect(shown.fetchFailures).toEqual([
      { name: 'gone.png', reason: 'the server answered 404' },
      { name: 'huge.pdf', reason: 'it is larger than 25 MB' },
      { name: 'endless.bin', reason: 'it is larger than 25 MB' },
      { name: 'metadata.png', reason: '169.254.169.254 is a private address' },
      { name: 'loopback.png', reason: '127.0.0.2 is a private address' },
      { name: 'slow.png', reason: 'it took too long' },
      { name: 'passwd.png', reason: 'file links are not fetched' },
    ]);
    expect(await db().attachment.count({ where: { conversationId } })).toBe(1);
  });
});

describe('Connector API: files by upload and by URL', () => {
  const connector = (path: string, body: unknown) =>
    fetch(`${baseUrl()}/v3/conversations${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it('links an uploaded file to the activity that references it, without fetching it again, and fetches one by URL', async () => {
    const created = await connector('', { bot: { id: 'relay' }, members: [{ id: `c-${unique()}`, name: 'Connie Connector' }], isGroup: false });
    expect(created.status).toBeLessThan(300);
    const id = encodeURIComponent(created.body.id);
    const upload = await connector(`/${id}/attachments`, { type: 'image/png', name: 'receipt.png', originalBase64: TINY_PNG.toString('base64') });
    expect(upload.status).toBeLessThan(300);
    const byUrl = files.file(`/connector/${unique()}/manual.pdf`, tinyPdf(), 'application/pdf');
    const posted = await connector(`/${id}/activities`, {
      type: 'message',
      id: `m-${unique()}`,
      from: { id: 'customer', name: 'Connie Connector' },
      text: 'Receipt and manual',
      attachments: [
        { contentType: 'image/png', contentUrl: `${baseUrl()}/v3/attachments/${upload.body.id}/views/original`, name: 'receipt.png' },
        { contentType: 'application/pdf', contentUrl: byUrl, name: 'manual.pdf' },
      ],
    });
    expect(posted.status).toBeLessThan(300);
    const conversation = await db().conversation.findFirstOrThrow({ where: { externalId: created.body.id } });
    const shown = (await transcript(conversation.id)).at(-1)!;
    expect(shown.attachments.map(({ id: fileId, name, contentType }) => ({ fileId, name, contentType }))).toEqual([
      { fileId: upload.body.id, name: 'receipt.png', contentType: 'image/png' },
      { fileId: expect.any(String), name: 'manual.pdf', contentType: 'application/pdf' },
    ]);
    expect(await db().attachment.count({ where: { conversationId: conversation.id } })).toBe(2);
  });
});

describe('card answers', () => {
  const survey = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'How did we do, Dana?', weight: 'Bolder' },
      { type: 'Input.ChoiceSet', id: 'rating', label: 'Your rating', choices: [{ title: 'Very satisfied', value: '5' }, { title: 'Unsatisfied', value: '2' }] },
      { type: 'Input.Text', id: 'comment', label: 'Anything we could do better?', isMultiline: true },
    ],
    actions: [{ type: 'Action.Submit', title: 'Submit', data: { survey: 'satisfaction' } }],
  };
  const confirmation = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'All done' }],
    actions: [
      { type: 'Action.Submit', title: 'Thanks!', data: { confirmation: 'acknowledged' } },
      { type: 'Action.Submit', title: 'I have another question', data: { confirmation: 'more' } },
    ],
  };

  it('from Web Chat: the fields of the survey it answers (by replyToId), and a button found by its data alone', async () => {
    const { start, conversationId } = await directLineConversation();
    await accept(conversationId);
    const card = await repSendsCard(conversationId, survey);
    const answered = await customerPosts(start, { value: { rating: '5', comment: 'Quick and kind', survey: 'satisfaction' }, replyToId: card.id, channelData: { postBack: true, clientActivityID: `c-${unique()}` } });
    expect(answered.status).toBe(200);
    expect((await transcript(conversationId)).at(-1)!.cardAnswer).toEqual({
      card: 'How did we do, Dana?',
      action: 'Submit',
      fields: [
        { label: 'Your rating', value: 'Very satisfied' },
        { label: 'Anything we could do better?', value: 'Quick and kind' },
      ],
    });

    await repSendsCard(conversationId, confirmation);
    expect((await customerPosts(start, { value: { confirmation: 'more' } })).status).toBe(200);
    expect((await transcript(conversationId)).at(-1)!.cardAnswer).toEqual({ card: 'All done', action: 'I have another question', fields: [] });
    const summary = await alice.call('GET', `/api/console/conversations/${conversationId}`);
    expect(summary.body.lastText).toBe('📋 I have another question');
  });

  it('from Teams: Action.Submit as a message with value, and Action.Execute as an adaptiveCard/action invoke answered over HTTP', async () => {
    const service = await FakeChannel.start();
    try {
      const chat = teamsChat(`${service.url}/amer/`);
      expect((await postToBot(chat.activity({ text: 'I need an approval' }))).status).toBe(200);
      const conversation = await conversationOf(chat.conversationId);
      await accept(conversation.id);
      const card = await repSendsCard(conversation.id, confirmation);
      const teamsId = await waitUntil(
        () => db().activity.findUniqueOrThrow({ where: { id: card.id } }).then((row) => row.externalId ?? undefined),
        10_000,
        'the card delivered to Teams',
      );
      expect((await postToBot(chat.activity({ value: { confirmation: 'acknowledged' }, replyToId: teamsId }))).status).toBe(200);
      expect((await transcript(conversation.id)).at(-1)!.cardAnswer).toEqual({ card: 'All done', action: 'Thanks!', fields: [] });

      const approval = await repSendsCard(conversation.id, {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'TextBlock', text: 'Refund of 25 EUR' },
          { type: 'Input.Text', id: 'note', label: 'Note' },
        ],
        actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve', data: { ticket: 42 } }],
      });
      const approvalId = await waitUntil(
        () => db().activity.findUniqueOrThrow({ where: { id: approval.id } }).then((row) => row.externalId ?? undefined),
        10_000,
        'the approval card delivered to Teams',
      );
      const invoke = chat.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: approvalId,
        value: { action: { type: 'Action.Execute', verb: 'approve', data: { ticket: 42, note: 'ok by me' } }, trigger: 'manual' },
      });
      const answer = await postToBot(invoke);
      expect(answer).toEqual({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.any(String) } });
      expect((await transcript(conversation.id)).at(-1)!.cardAnswer).toEqual({ card: 'Refund of 25 EUR', action: 'Approve', fields: [{ label: 'Note', value: 'ok by me' }] });
    } finally {
      await service.stop();
    }
  });
});
