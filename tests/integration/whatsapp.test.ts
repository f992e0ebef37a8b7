import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient } from '../support/clients';
import { deliveryStateOf } from '../support/custom-channel-setup';
import { gifWithFrames } from '../support/images';
import { MEDIA_BYTES, TEST_ACS_CHANNEL, type AcsRequest } from '../support/fake-acs';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

type GridEvent = { id: string; eventType: string; data: Record<string, unknown> } & Record<string, unknown>;

const fixture = (name: string): GridEvent => JSON.parse(readFileSync(path.resolve('tests/fixtures', `acs-${name}.json`), 'utf8'))[0];
const acsUrl = () => process.env.TEST_ACS_URL!;
const acsRequests = async () => (await (await fetch(`${acsUrl()}/test/requests`)).json()) as AcsRequest[];

async function deliver(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl()}/api/eventgrid/acs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A fixture event for a sender of this test's own, with a fresh event id. */
function event(name: string, sender: string, data: Record<string, unknown> = {}): GridEvent {
  const base = fixture(name);
  return { ...base, id: randomUUID(), data: { ...base.data, from: sender, ...data } };
}

const sender = () => `1555${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
let alice: ConsoleClient;

beforeAll(async () => {
  alice = await ConsoleClient.signIn('alice@demo.test');
});
afterAll(() => db().$disconnect());

async function conversationFor(phone: string) {
  return waitUntil(() => db().conversation.findFirst({ where: { customerId: phone } }).then((row) => row ?? undefined), 5000, `conversation of ${phone}`);
}

describe('Event Grid handshakes', () => {
  it('answers the Event Grid subscription validation', async () => {
    const answer = await deliver(
      [{ id: randomUUID(), eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent', subject: '', data: { validationCode: 'code-123' }, eventTime: new Date().toISOString(), dataVersion: '1', metadataVersion: '1' }],
      { 'aeg-event-type': 'SubscriptionValidation' },
    );
    expect(answer).toEqual({ status: 200, body: { validationResponse: 'code-123' } });
  });

  it('answers the CloudEvents abuse-protection OPTIONS', async () => {
    const response = await fetch(`${baseUrl()}/api/eventgrid/acs`, { method: 'OPTIONS', headers: { 'WebHook-Request-Origin': 'eventgrid.azure.net' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('webhook-allowed-origin')).toBe('eventgrid.azure.net');
  });
});

describe('WhatsApp messages in', () => {
  it('refuses a delivery holding a NUL character (an event id PostgreSQL cannot store) with a 400, storing none of it', async () => {
    const phone = sender();
    const answer = await deliver([event('advanced-message-received.text', phone), { ...event('advanced-message-received.text', phone), id: 'bad\u0000id' }]);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'BadArgument', message: expect.stringContaining('NUL') });
    expect(await db().conversation.count({ where: { customerId: phone } })).toBe(0);
  });

  it('stores each seed 001 event once however often Event Grid repeats it', async () => {
    const phone = sender();
    const text = event('advanced-message-received.text', phone);
    const media = event('advanced-message-received.media', phone);
    const analysis = event('advanced-message-analysis-completed', phone);
    for (let i = 0; i < 3; i++) {
      expect((await deliver([text])).status).toBe(200);
      expect((await deliver([media])).status).toBe(200);
      expect((await deliver([analysis])).status).toBe(200);
    }
    const conversation = await conversationFor(phone);
    const transcript = await alice.call('GET', `/api/console/conversations/${conversation.id}/activities`);
    expect(transcript.body.items.map((a: { text: string; attachments: unknown[] }) => [a.text, a.attachments.length])).toEqual([
      ['Hello', 0],
      ['This is a media caption', 1],
    ]);
    const [, withMedia] = transcript.body.items;
    const file = await fetch(`${baseUrl()}/api/console/attachments/${withMedia.attachments[0].id}`, { headers: { Cookie: alice.cookieHeader() } });
    expect(Buffer.from(await file.arrayBuffer())).toEqual(MEDIA_BYTES);
    const streams = (await acsRequests()).filter((r) => r.path === `/messages/streams/${(media.data.media as { id: string }).id}`);
    expect(streams.length).toBeGreaterThanOrEqual(1);
    expect(streams.every((r) => r.signed)).toBe(true);

    const summary = await alice.call('GET', `/api/console/conversations/${conversation.id}`);
    expect(summary.body.analysis).toEqual({
      language: 'English',
      confidence: 0.99,
      intent: expect.stringContaining('Order request'),
      keyPhrases: ['order', 'flowers', "Mother's Day"],
      translation: null,
    });
    expect(await db().processedEvent.count({ where: { key: `eventgrid:${analysis.id}` } })).toBe(1);
  });

  it('takes CloudEvents, single and batched, and shows button and list choices and quoted replies', async () => {
    const phone = sender();
    const cloud = (data: Record<string, unknown>) => ({
      id: randomUUID(),
      source: '/subscriptions/sub-1/resourcegroups/rg-1/providers/microsoft.communication/communicationservices/acs-1',
      specversion: '1.0',
      type: 'Microsoft.Communication.AdvancedMessageReceived',
      time: new Date().toISOString(),
      data: { channelType: 'whatsapp', from: phone, to: 'business-1', receivedTimestamp: new Date().toISOString(), ...data },
    });
    expect((await deliver(cloud({ content: 'first', messageId: 'wamid-1' }), { 'Content-Type': 'application/cloudevents+json' })).status).toBe(200);
    const batch = [
      cloud({ button: { text: 'Track my order', payload: 'track' } }),
      cloud({ interactive: { type: 'listReply', listReply: { id: 'l1', title: 'Roses', description: 'Red' } } }),
      cloud({ content: 'about that', context: { from: phone, id: 'wamid-1' } }),
    ];
    expect((await deliver(batch, { 'Content-Type': 'application/cloudevents-batch+json' })).status).toBe(200);
    const conversation = await conversationFor(phone);
    const rows = await db().activity.findMany({ where: { conversationId: conversation.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.text)).toEqual(['first', 'Track my order', 'Roses\nRed', 'about that']);
    expect(rows[3]!.replyToId).toBe(rows[0]!.id);
  });

  it('refuses deliveries that are not Event Grid JSON (not JSON, empty, a bad envelope) with 400 and stores nothing', async () => {
    const phone = sender();
    const good = event('advanced-message-received.text', phone);
    for (const body of ['{not json', [], [{ ...good, id: undefined }], [good, { ...good, id: randomUUID(), eventType: 42 }]]) {
      const answer = await deliver(body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(await db().conversation.count({ where: { customerId: phone } })).toBe(0);
  });
});

describe('ACS exactly as the service sends it', () => {
  const transcriptOf = async (phone: string) => {
    const conversation = await conversationFor(phone);
    const page = await alice.call('GET', `/api/console/conversations/${conversation.id}/activities`);
    return page.body.items as { text: string | null; attachments: unknown[] }[];
  };

  it('takes null in every field seed 001 marks nullable', async () => {
    const phone = sender();
    const nulls = { messageId: null, channelType: null, to: null, content: null, media: null, context: null, button: null, interactive: null, reaction: null, error: null };
    const deliveries = [
      event('advanced-message-received.text', phone, { ...nulls, content: 'Hello with nulls' }),
      event('advanced-message-received.media', phone, {
        ...nulls,
        receivedTimestamp: null,
        media: { mimeType: 'image/jpeg', id: randomUUID(), fileName: null, caption: null, animated: null },
      }),
      event('advanced-message-received.text', phone, { ...nulls, context: { from: null, id: null }, content: 'quoting nothing' }),
      event('advanced-message-received.text', phone, { ...nulls, button: { text: 'Yes please', payload: null } }),
      event('advanced-message-received.text', phone, { ...nulls, interactive: { type: 'buttonReply', buttonReply: { id: 'b1', title: 'Call me' }, listReply: null } }),
      event('advanced-message-received.text', phone, { ...nulls, interactive: { type: 'listReply', buttonReply: null, listReply: { id: 'l2', title: 'Tulips', description: null } } }),
      event('advanced-message-analysis-completed', phone, { to: null, intentAnalysis: null, languageDetection: { language: 'English', confidenceScore: null, translation: null }, extractedKeyPhrases: null }),
    ];
    for (const delivery of deliveries) expect((await deliver([delivery])).status, JSON.stringify(delivery.data)).toBe(200);
    const items = await transcriptOf(phone);
    expect(items.map((a) => [a.text, a.attachments.length])).toEqual([
      ['Hello with nulls', 0],
      [null, 1],
      ['quoting nothing', 0],
      ['Yes please', 0],
      ['Call me', 0],
      ['Tulips', 0],
    ]);
    expect(await db().rejectedEvent.count({ where: { key: { in: deliveries.map((d) => `eventgrid:${d.id}`) } } })).toBe(0);
  });

  it('keeps the caption of media ACS no longer serves, with the reason, and has Event Grid redeliver when ACS fails for now', async () => {
    const phone = sender();
    const media = (id: string) =>
      event('advanced-message-received.media', phone, { media: { mimeType: 'image/jpeg', id, fileName: 'receipt.jpg', caption: `caption of ${id.split('-')[0]}` } });
    const gone = media(`gone-${randomUUID()}`);
    expect(await deliver([gone])).toEqual({ status: 200, body: {} });
    const flaky = media(`flaky-${randomUUID()}`);
    const mediaDown = (down: boolean) => fetch(`${acsUrl()}/test/media-down`, { method: 'POST', body: JSON.stringify(down) });
    await mediaDown(true);
    try {
      // The official client retries ACS's 503 itself until the fetch deadline; then Event Grid is asked to redeliver.
      expect(await deliver([flaky])).toEqual({ status: 503, body: { error: { code: 'ServiceUnavailable', message: expect.any(String) } } });
    } finally {
      await mediaDown(false);
    }
    expect(await deliver([flaky])).toEqual({ status: 200, body: {} });
    const items = (await transcriptOf(phone)) as { text: string | null; attachments: unknown[]; fetchFailures: { name: string; reason: string }[] }[];
    expect(items.map((a) => [a.text, a.attachments.length, a.fetchFailures])).toEqual([
      ['caption of gone', 0, [{ name: 'receipt.jpg', reason: 'ACS answered 404' }]],
      ['caption of flaky', 1, []],
    ]);
  });

  it("keeps each customer's messages in the delivery's order when one delivery holds several customers", async () => {
    const phones = [sender(), sender(), sender(), sender(), sender()];
    // Round by round: every customer's first message, then every customer's second, and so on.
    const rounds = [1, 2, 3, 4];
    const batch = rounds.flatMap((round) => phones.map((phone, i) => event('advanced-message-received.text', phone, { content: `customer ${i} message ${round}` })));
    expect(await deliver(batch)).toEqual({ status: 200, body: {} });
    for (const [i, phone] of phones.entries()) {
      expect((await transcriptOf(phone)).map((a) => a.text)).toEqual(rounds.map((round) => `customer ${i} message ${round}`));
    }
  });

  it('applies the good events of a delivery and keeps the bad one to be seen, once however often it comes', async () => {
    const phone = sender();
    const bad = event('advanced-message-received.text', phone, { from: null, content: 'from nobody' });
    const wrongType = event('advanced-message-received.text', phone, { content: { text: 'not a string' } });
    const batch = [
      event('advanced-message-received.text', phone, { content: 'before the bad ones' }),
      bad,
      wrongType,
      event('advanced-message-delivery-status.sent', 'business', { messageId: null, status: 'delivered' }),
      event('advanced-message-received.text', phone, { content: 'after the bad ones' }),
    ];
    for (let i = 0; i < 2; i++) expect(await deliver(batch)).toEqual({ status: 200, body: {} });
    expect((await transcriptOf(phone)).map((a) => a.text)).toEqual(['before the bad ones', 'after the bad ones']);
    const rejected = await db().rejectedEvent.findMany({ where: { key: { in: [bad.id, wrongType.id].map((id) => `eventgrid:${id}`) } }, orderBy: { reason: 'asc' } });
    expect(rejected.map((row) => [row.key, row.channel, row.eventType, row.reason])).toEqual(
      expect.arrayContaining([
        [`eventgrid:${bad.id}`, 'whatsapp', bad.eventType, expect.stringContaining('data.from')],
        [`eventgrid:${wrongType.id}`, 'whatsapp', wrongType.eventType, expect.stringContaining('data.content')],
      ]),
    );
    expect(rejected).toHaveLength(2);
    expect(rejected.find((row) => row.key === `eventgrid:${bad.id}`)!.payload).toMatchObject({ data: { content: 'from nobody', from: null } });
    const metricsText = await (await fetch(`${baseUrl()}/api/metrics`)).text();
    expect(metricsText).toMatch(/console_channel_events_rejected_total\{channel="whatsapp"\} [1-9]/);
  });
});

describe('WhatsApp replies out', () => {
  async function acceptedWhatsApp() {
    const phone = sender();
    expect((await deliver([event('advanced-message-received.text', phone)])).status).toBe(200);
    const conversation = await conversationFor(phone);
    expect((await alice.call('POST', `/api/console/conversations/${conversation.id}/accept`, {})).status).toBe(200);
    return { phone, conversation };
  }

  it('reach ACS signed, and statuses for the returned id move the message forward only', async () => {
    const { phone, conversation } = await acceptedWhatsApp();
    const sent = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: 'Hi from the console', clientId: `wa-${Date.now()}` });
    expect(sent.status).toBe(201);
    await deliveryStateOf(sent.body.id, 'sent');
    const request = (await acsRequests()).find((r) => r.body?.content === 'Hi from the console')!;
    expect(request).toMatchObject({ signed: true, body: { channelRegistrationId: TEST_ACS_CHANNEL, to: [phone], kind: 'text' } });
    const messageId = request.messageId!;
    expect((await db().activity.findUniqueOrThrow({ where: { id: sent.body.id } })).externalId).toBe(messageId);

    const status = (name: 'sent' | 'failed', patch: Record<string, unknown> = {}) => event(`advanced-message-delivery-status.${name}`, 'business', { messageId, to: phone, ...patch });
    expect((await deliver([status('sent', { status: 'Delivered' })])).status).toBe(200);
    await deliveryStateOf(sent.body.id, 'delivered');
    const read = status('sent', { status: 'read' });
    for (let i = 0; i < 3; i++) expect((await deliver([read])).status).toBe(200);
    await deliveryStateOf(sent.body.id, 'read');
    // Late and out of order: neither a Sent nor a Failed moves a Read message back.
    expect((await deliver([status('sent'), status('failed')])).status).toBe(200);
    expect((await db().activity.findUniqueOrThrow({ where: { id: sent.body.id } })).deliveryState).toBe('read');
  });

  it('take statuses in any case, and ignore the ones they do not know', async () => {
    const { phone, conversation } = await acceptedWhatsApp();
    const sent = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: 'cases', clientId: `wk-${Date.now()}` });
    await deliveryStateOf(sent.body.id, 'sent');
    const messageId = (await db().activity.findUniqueOrThrow({ where: { id: sent.body.id } })).externalId!;
    const status = (value: string) => event('advanced-message-delivery-status.sent', 'business', { messageId, to: phone, status: value, error: null });
    for (const unknown of ['warning', 'unknown', 'Warning', 'constructor', '']) expect((await deliver([status(unknown)])).status, unknown).toBe(200);
    expect((await db().activity.findUniqueOrThrow({ where: { id: sent.body.id } })).deliveryState).toBe('sent');
    expect((await deliver([status('DELIVERED')])).status).toBe(200);
    await deliveryStateOf(sent.body.id, 'delivered');
    expect((await deliver([status('Read')])).status).toBe(200);
    await deliveryStateOf(sent.body.id, 'read');
  });

  it('keep a status that overtakes the send’s answer and apply it once the id is recorded, never backwards', async () => {
    const { phone, conversation } = await acceptedWhatsApp();
    // The fake ACS publishes these to the webhook, and waits for the answers, before it answers 202.
    const early = await fetch(`${acsUrl()}/test/status-before-answer`, {
      method: 'POST',
      body: JSON.stringify({ deliverTo: `${baseUrl()}/api/eventgrid/acs`, statuses: ['read', 'delivered', 'sent'] }),
    });
    expect(early.status).toBe(200);
    const sent = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: 'overtaken', clientId: `we-${Date.now()}` });
    expect(sent.status).toBe(201);
    await deliveryStateOf(sent.body.id, 'read');
    const request = (await acsRequests()).find((r) => r.body?.content === 'overtaken')!;
    expect(request.earlyStatusAnswers).toEqual([200, 200, 200]);
    expect((await db().activity.findUniqueOrThrow({ where: { id: sent.body.id } })).externalId).toBe(request.messageId);
    expect(await db().pendingDeliveryStatus.count({ where: { externalId: request.messageId! } })).toBe(0);
    const shown = await alice.call('GET', `/api/console/conversations/${conversation.id}/activities`);
    expect(shown.body.items.find((a: { id: string }) => a.id === sent.body.id)).toMatchObject({ deliveryState: 'read' });

    // A late failure does not move it back either.
    const late = event('advanced-message-delivery-status.failed', 'business', { messageId: request.messageId, to: phone, status: 'failed' });
    expect((await deliver([late])).status).toBe(200);
    expect((await db().activity.findUniqueOrThrow({ where: { id: sent.body.id } })).deliveryState).toBe('read');
  });

  it('refuses Adaptive Cards, which WhatsApp cannot show', async () => {
    const { conversation } = await acceptedWhatsApp();
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hi' }] };
    const sent = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: '', cards: [card], clientId: `wc-${Date.now()}` });
    expect(sent.status).toBe(400);
    expect(sent.body.error.code).toBe('NotAcceptedByWhatsApp');
    expect(await db().activity.count({ where: { conversationId: conversation.id, direction: 'outbound', type: 'message' } })).toBe(0);
  });

  it('sends suggested actions as reply buttons, and refuses those WhatsApp cannot show as buttons', async () => {
    const { phone, conversation } = await acceptedWhatsApp();
    const send = (body: Record<string, unknown>) => alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { clientId: `ws-${randomUUID()}`, ...body });
    const imBack = (title: string) => ({ type: 'imBack', title, value: title.toLowerCase() });
    const refusals = [
      { text: 'Pick one', suggestedActions: ['One', 'Two', 'Three', 'Four'].map(imBack) },
      { text: 'Pick one', suggestedActions: [imBack('A title longer than twenty')] },
      { text: 'Pick one', suggestedActions: [{ type: 'openUrl', title: 'Our site', value: 'https://example.com' }] },
    ];
    for (const body of refusals) {
      const refused = await send(body);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'NotAcceptedByWhatsApp', message: expect.stringContaining('reply buttons') });
    }
    expect(await db().activity.count({ where: { conversationId: conversation.id, direction: 'outbound', type: 'message' } })).toBe(0);

    const sent = await send({ text: 'Shall we call you?', suggestedActions: [imBack('Yes'), imBack('No')] });
    expect(sent.status).toBe(201);
    await deliveryStateOf(sent.body.id, 'sent');
    const request = (await acsRequests()).find((r) => (r.body?.interactiveMessage as { body?: { text?: string } } | undefined)?.body?.text === 'Shall we call you?')!;
    expect(request.body).toEqual({
      channelRegistrationId: TEST_ACS_CHANNEL,
      to: [phone],
      kind: 'interactive',
      interactiveMessage: {
        body: { kind: 'text', text: 'Shall we call you?' },
        action: { kind: 'whatsAppButtonAction', content: { kind: 'buttonSet', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] } },
      },
    });
  });

  it('refuses a file WhatsApp would not take, before anything is queued', async () => {
    const { conversation } = await acceptedWhatsApp();
    const upload = await fetch(`${baseUrl()}/api/console/conversations/${conversation.id}/attachments`, {
      method: 'POST',
      headers: { Cookie: alice.cookieHeader(), 'Content-Type': 'image/gif', 'X-File-Name': 'dance.gif' },
      body: new Uint8Array(gifWithFrames(2)),
    });
    const file = (await upload.json()) as { id: string };
    const sent = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: '', clientId: `wg-${Date.now()}`, attachmentIds: [file.id] });
    expect(sent.status).toBe(400);
    expect(sent.body.error).toMatchObject({ code: 'NotAcceptedByWhatsApp', message: 'dance.gif is of a type WhatsApp does not take.' });
    expect(await db().activity.count({ where: { conversationId: conversation.id, direction: 'outbound', type: 'message' } })).toBe(0);
  });

  it('shows a failure with the channel code', async () => {
    const { phone, conversation } = await acceptedWhatsApp();
    const sent = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: 'will bounce', clientId: `wf-${Date.now()}` });
    await deliveryStateOf(sent.body.id, 'sent');
    const messageId = (await db().activity.findUniqueOrThrow({ where: { id: sent.body.id } })).externalId!;
    expect((await deliver([event('advanced-message-delivery-status.failed', 'business', { messageId, to: phone })])).status).toBe(200);
    const failed = await deliveryStateOf(sent.body.id, 'failed');
    expect(failed.deliveryError).toBe('WhatsApp 131026: Message Undeliverable.');
  });

  it('sends an image with its caption, and refuses free text once the 24-hour window has closed', async () => {
    const { conversation } = await acceptedWhatsApp();
    const upload = await fetch(`${baseUrl()}/api/console/conversations/${conversation.id}/attachments`, {
      method: 'POST',
      headers: { Cookie: alice.cookieHeader(), 'Content-Type': 'image/jpeg', 'X-File-Name': 'photo.jpg' },
      body: new Uint8Array(MEDIA_BYTES),
    });
    const file = (await upload.json()) as { id: string };
    const sent = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: 'Your bouquet', clientId: `wi-${Date.now()}`, attachmentIds: [file.id] });
    await deliveryStateOf(sent.body.id, 'sent');
    const request = (await acsRequests()).find((r) => r.body?.caption === 'Your bouquet')!;
    expect(request.body).toMatchObject({ kind: 'image', mediaUri: expect.stringContaining('/api/files/') });

    await db().conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 3600_000) } });
    const late = await alice.call('POST', `/api/console/conversations/${conversation.id}/messages`, { text: 'too late', clientId: `wl-${Date.now()}` });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CustomerServiceWindowClosed');
    const summary = await alice.call('GET', `/api/console/conversations/${conversation.id}`);
    expect(Date.parse(summary.body.replyWindowEndsAt)).toBeLessThan(Date.now());
  });
});
