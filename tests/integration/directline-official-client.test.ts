import { randomBytes } from 'node:crypto';
import type { Activity, DirectLine } from 'botframework-directlinejs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleClient, directLine } from '../support/clients';
import { officialDirectLine } from '../support/directline-client';
import { baseUrl } from '../support/test-env';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const clients: DirectLine[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.end();
});

/** Collects what the client receives; `next(predicate)` waits for a matching activity. */
function inbox(client: DirectLine) {
  const received: Activity[] = [];
  const waiters: { predicate: (a: Activity) => boolean; resolve: (a: Activity) => void }[] = [];
  const errors: unknown[] = [];
  client.activity$.subscribe({
    next(activity) {
      received.push(activity);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(activity)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(activity);
        }
      }
    },
    // After end() (or endOfConversation) the client reports "conversation ended"; kept for inspection.
    error: (error: unknown) => errors.push(error),
  });
  return {
    received,
    errors,
    next(predicate: (a: Activity) => boolean, timeoutMs = 15_000): Promise<Activity> {
      const seen = received.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching activity; got ${JSON.stringify(received.map((a) => [a.type, (a as { text?: string }).text]))}`)), timeoutMs);
        waiters.push({ predicate, resolve: (a) => (clearTimeout(timer), resolve(a)) });
      });
    },
  };
}

function post(client: DirectLine, activity: Activity): Promise<string> {
  return new Promise((resolve, reject) => client.postActivity(activity).subscribe({ next: resolve, error: reject }));
}

describe('botframework-directlinejs against the console', () => {
  it('converses over the stream: echo, reply, typing, upload, reconnect with watermark, end', { timeout: 60_000 }, async () => {
    const user = { id: `dl-${randomBytes(3).toString('hex')}`, name: 'Official Client' };
    const generated = await directLine('/tokens/generate', { method: 'POST', body: { user } });
    expect(generated.status).toBe(200);
    const domain = `${baseUrl()}/v3/directline`;
    const client = officialDirectLine({ domain, token: generated.body.token });
    clients.push(client);
    const messages = inbox(client);

    const id = await post(client, { type: 'message', from: user, text: 'hello from directlinejs' } as Activity);
    const echo = await messages.next((a) => a.id === id);
    expect(echo).toMatchObject({ type: 'message', text: 'hello from directlinejs', from: { id: user.id } });
    const conversationId = generated.body.conversationId as string;

    const alice = await ConsoleClient.signIn('alice@demo.test');
    expect((await alice.call('POST', `/api/console/conversations/${conversationId}/accept`, {})).status).toBe(200);
    await alice.call('POST', `/api/console/conversations/${conversationId}/typing`, {});
    const typing = await messages.next((a) => a.type === 'typing');
    expect(typing.from).toMatchObject({ name: 'Alice', role: 'bot' });
    await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text: 'Hi, I am **Alice**', clientId: `r-${Date.now()}` });
    const reply = await messages.next((a) => a.type === 'message' && (a as { text?: string }).text === 'Hi, I am **Alice**');
    expect(reply).toMatchObject({ from: { name: 'Alice', role: 'bot' }, textFormat: 'markdown' });

    // Upload: the client fetches the contentUrl, then posts multipart with an activity part.
    const uploadId = await post(client, {
      type: 'message',
      from: user,
      text: 'my screenshot',
      attachments: [{ contentType: 'image/png', contentUrl: `data:image/png;base64,${PNG.toString('base64')}`, name: 'screen.png' }],
    } as Activity);
    const uploaded = (await messages.next((a) => a.id === uploadId)) as Activity & { attachments: { contentType: string; contentUrl: string; name: string }[] };
    expect(uploaded.attachments).toEqual([{ contentType: 'image/png', contentUrl: expect.stringContaining('/api/files/'), name: 'screen.png' }]);
    const fetched = await fetch(uploaded.attachments[0]!.contentUrl);
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(PNG);
    const transcript = await alice.call('GET', `/api/console/conversations/${conversationId}/activities`);
    expect(transcript.body.items.find((a: { id: string }) => a.id === uploadId)).toMatchObject({
      text: 'my screenshot',
      attachments: [{ name: 'screen.png', contentType: 'image/png', size: PNG.length }],
    });

    // Disconnect; the rep writes meanwhile; a new client resumes from the old watermark.
    const watermark = (client as unknown as { watermark: string }).watermark;
    expect(Number(watermark)).toBeGreaterThan(0);
    client.end();
    await alice.call('POST', `/api/console/conversations/${conversationId}/messages`, { text: 'while you were away', clientId: `r2-${Date.now()}` });
    const resumed = officialDirectLine({ domain, token: generated.body.token, conversationId, watermark });
    clients.push(resumed);
    const later = inbox(resumed);
    await later.next((a) => (a as { text?: string }).text === 'while you were away');
    expect(later.received.some((a) => (a as { text?: string }).text === 'hello from directlinejs')).toBe(false);

    expect((await alice.call('POST', `/api/console/conversations/${conversationId}/close`, {})).status).toBe(200);
    await later.next((a) => (a.type as string) === 'endOfConversation');
  });
});
