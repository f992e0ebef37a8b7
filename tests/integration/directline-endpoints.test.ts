import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { issueStreamToken, issueToken } from '@/lib/channels/directline/credentials';
import { ConsoleClient, customerSays, directLine, startDirectLine } from '../support/clients';
import { readEvents } from '../support/sse';
import { pngOfSize } from '../support/images';
import { baseUrl, TEST_SESSION_SECRET } from '../support/test-env';

const errorBody = { error: { code: expect.any(String), message: expect.any(String) } };
const keys = { secrets: [], signingSecret: TEST_SESSION_SECRET, tokenTtlSeconds: 600 };

async function upload(conversationId: string, token: string, body: BodyInit, headers: Record<string, string>, userId = 'up-user') {
  const response = await fetch(`${baseUrl()}/v3/directline/conversations/${conversationId}/upload?userId=${userId}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, ...headers },
    body,
  });
  return { status: response.status, body: await response.json() };
}

function openStream(url: string): Promise<{ socket: WebSocket; frames: string[] } | { status: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    const frames: string[] = [];
    socket.on('message', (data) => frames.push(data.toString()));
    socket.on('open', () => resolve({ socket, frames }));
    socket.on('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.on('error', () => {});
  });
}

describe('Direct Line tokens', () => {
  it('generates a conversation-bound token with the secret, and starts that conversation with it', async () => {
    const generated = await directLine('/tokens/generate', { method: 'POST', body: { user: { id: 'gen-user', name: 'Gen' } } });
    expect(generated.status).toBe(200);
    expect(generated.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
    const started = await directLine('/conversations', { method: 'POST', auth: generated.body.token, body: {} });
    expect(started.status).toBe(201);
    expect(started.body.conversationId).toBe(generated.body.conversationId);
    const again = await directLine('/conversations', { method: 'POST', auth: generated.body.token, body: {} });
    expect(again.status).toBe(200);
  });

  it('refreshes a token (same conversation), but not the secret; a token cannot generate', async () => {
    const start = await startDirectLine();
    const refreshed = await directLine('/tokens/refresh', { method: 'POST', auth: start.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(start.conversationId);
    const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: refreshed.body.token });
    expect(read.status).toBe(200);
    expect((await directLine('/tokens/refresh', { method: 'POST' })).status).toBe(400);
    expect((await directLine('/tokens/generate', { method: 'POST', auth: start.token })).status).toBe(403);
  });

  it('answers 403 TokenExpired for an expired token', async () => {
    const start = await startDirectLine();
    const { token } = await issueToken({ ...keys, tokenTtlSeconds: -5 }, { conversationId: start.conversationId });
    const response = await directLine(`/conversations/${start.conversationId}/activities`, { auth: token });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('TokenExpired');
  });

  it('words a refused credential, a foreign conversation and an unknown one as BadArgument, the status telling them apart', async () => {
    const start = await startDirectLine();
    const other = await startDirectLine();
    const answers = await Promise.all([
      directLine(`/conversations/${start.conversationId}/activities`, { auth: 'not-a-secret' }),
      directLine('/tokens/generate', { method: 'POST', auth: start.token }),
      directLine(`/conversations/${other.conversationId}`, { auth: start.token }),
      directLine('/conversations/unknown-conversation?watermark=0'),
      directLine('/tokens/refresh', { method: 'POST' }),
    ]);
    expect(answers.map((answer) => `${answer.status} ${answer.body.error.code}`)).toEqual([
      '401 BadArgument',
      '403 BadArgument',
      '403 BadArgument',
      '404 BadArgument',
      '400 BadArgument',
    ]);
  });
});

describe('Direct Line reconnect', () => {
  it('hands out a fresh streamUrl carrying the watermark', async () => {
    const start = await startDirectLine();
    const response = await directLine(`/conversations/${start.conversationId}?watermark=3`, { auth: start.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ conversationId: start.conversationId, token: expect.any(String), streamUrl: expect.stringContaining('watermark=3') });
    expect((await directLine('/conversations/unknown-conversation?watermark=0')).status).toBe(404);
    const other = await startDirectLine();
    expect((await directLine(`/conversations/${other.conversationId}`, { auth: start.token })).status).toBe(403);
  });
});

describe('Direct Line stream', () => {
  it('replays after the watermark, pushes new activities, and keeps the watermark in each set', async () => {
    const start = await startDirectLine({ id: 'stream-user', name: 'Streamer' });
    await customerSays(start, 'before', { id: 'stream-user', name: 'Streamer' });
    const opened = await openStream(start.streamUrl);
    if (!('socket' in opened)) throw new Error(`stream refused: ${opened.status}`);
    await customerSays(start, 'after', { id: 'stream-user', name: 'Streamer' });
    await expect.poll(() => opened.frames.filter(Boolean).length).toBe(2);
    const sets = opened.frames.filter(Boolean).map((frame) => JSON.parse(frame));
    expect(sets.map((set) => set.activities.map((a: { text: string }) => a.text))).toEqual([['before'], ['after']]);
    expect(sets.map((set) => set.watermark)).toEqual(['1', '2']);
    opened.socket.close();
  });

  it('refuses a bad, foreign or missing stream credential before upgrading', async () => {
    const start = await startDirectLine();
    const other = await startDirectLine();
    const ws = `${baseUrl().replace(/^http/, 'ws')}/v3/directline/conversations`;
    const foreign = await issueStreamToken(keys, { conversationId: other.conversationId });
    expect(await openStream(`${ws}/${start.conversationId}/stream?t=${foreign}`)).toEqual({ status: 403 });
    expect(await openStream(`${ws}/${start.conversationId}/stream?t=forged`)).toEqual({ status: 401 });
    expect(await openStream(`${ws}/${start.conversationId}/stream`)).toEqual({ status: 401 });
    // A conversation token is not a stream credential.
    expect(await openStream(`${ws}/${start.conversationId}/stream?t=${start.token}`)).toEqual({ status: 401 });
  });
});

describe('Direct Line uploads', () => {
  it('takes one raw file with Content-Disposition', async () => {
    const start = await startDirectLine({ id: 'up-user', name: 'Uploader' });
    const answer = await upload(start.conversationId, start.token, Buffer.from('%PDF-1.4 raw'), {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; name="file"; filename="statement.pdf"',
    });
    expect(answer.status).toBe(200);
    const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
    const activity = read.body.activities.find((a: { id: string }) => a.id === answer.body.id);
    expect(activity).toMatchObject({ type: 'message', from: { id: 'up-user' }, attachments: [{ contentType: 'application/pdf', name: 'statement.pdf' }] });
    const file = await fetch(activity.attachments[0].contentUrl);
    expect(await file.text()).toBe('%PDF-1.4 raw');
  });

  it('takes multipart files with an activity part', async () => {
    const start = await startDirectLine({ id: 'up-user', name: 'Uploader' });
    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify({ type: 'message', from: { id: 'up-user' }, text: 'two files' })], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    form.append('file', new Blob([new Uint8Array(pngOfSize(1, 1))], { type: 'image/png' }), 'b.png');
    const answer = await upload(start.conversationId, start.token, form, {});
    expect(answer.status).toBe(200);
    const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
    const activity = read.body.activities.find((a: { id: string }) => a.id === answer.body.id);
    expect(activity.text).toBe('two files');
    expect(activity.attachments.map((a: { name: string; contentType: string }) => [a.name, a.contentType])).toEqual([
      ['a.txt', 'text/plain'],
      ['b.png', 'image/png'],
    ]);
  });

  it('refuses what it must not take, with a clear 4xx', async () => {
    const start = await startDirectLine({ id: 'up-user' });
    const html = await upload(start.conversationId, start.token, '<script>', { 'Content-Type': 'text/html', 'Content-Disposition': 'attachment; filename="x.html"' });
    expect([html.status, html.body]).toEqual([415, errorBody]);
    const huge = await upload(start.conversationId, start.token, Buffer.alloc(26 * 1024 * 1024), { 'Content-Type': 'application/pdf' });
    expect([huge.status, huge.body]).toEqual([413, errorBody]);
    const empty = new FormData();
    empty.append('activity', new Blob(['{"type":"message"}'], { type: 'application/vnd.microsoft.activity' }));
    const none = await upload(start.conversationId, start.token, empty, {});
    expect([none.status, none.body]).toEqual([400, errorBody]);
    const broken = await upload(start.conversationId, start.token, '--x\r\nnonsense', { 'Content-Type': 'multipart/form-data' });
    expect([broken.status, broken.body]).toEqual([400, errorBody]);
    const other = await startDirectLine();
    const foreign = await upload(other.conversationId, start.token, 'x', { 'Content-Type': 'text/plain' });
    expect(foreign.status).toBe(403);
  });
});

describe('typing and the end of a conversation', () => {
  it("shows the customer's typing to the rep", async () => {
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const start = await startDirectLine({ id: 'typer', name: 'Typing Tom' });
    await customerSays(start, 'hi', { id: 'typer', name: 'Typing Tom' });
    const events = readEvents('/api/console/events', { Cookie: alice.cookieHeader() }, (messages) => messages.some((m) => m.data.includes('"typing"')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const typing = await directLine(`/conversations/${start.conversationId}/activities`, { method: 'POST', auth: start.token, body: { type: 'typing', from: { id: 'typer' } } });
    expect(typing.status).toBe(200);
    const event = (await events).map((m) => JSON.parse(m.data)).find((e) => e.type === 'typing');
    expect(event).toMatchObject({ conversationId: start.conversationId, author: 'customer', name: 'Typing Tom' });
    const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
    expect(read.body.activities.some((a: { type: string }) => a.type === 'typing')).toBe(false);
  });

  it('gives the client endOfConversation when the rep ends it', async () => {
    const start = await startDirectLine();
    await customerSays(start, 'bye soon');
    const alice = await ConsoleClient.signIn('alice@demo.test');
    await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
    await alice.call('POST', `/api/console/conversations/${start.conversationId}/close`, {});
    const read = await directLine(`/conversations/${start.conversationId}/activities`, { auth: start.token });
    expect(read.body.activities.at(-1)).toMatchObject({ type: 'endOfConversation' });
  });
});
