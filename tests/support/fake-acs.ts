// A local stand-in for Azure Communication Services Advanced Messaging: it checks the HMAC-SHA256
// signature of every request like ACS does, serves media, accepts sends, and lets tests look at
// what it received (GET /test/requests) and script failures (POST /test/fail-next). Like the real
// service, it may publish a message's status before its send's 202 reaches the sender
// (POST /test/status-before-answer): those statuses go to the app's Event Grid webhook first.
// POST /test/next-message-id sets the id the next send is answered with (ACS's own are opaque).
import { TINY_PNG } from './images';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEST_ACS_KEY = Buffer.from('test-acs-access-key-0123456789abcdef').toString('base64');
export const TEST_ACS_CHANNEL = 'whatsapp-channel-registration-1';
/** A real, decodable image (browsers sniff image bytes, whatever the declared type). */
export const MEDIA_BYTES = TINY_PNG;

/**
 * The channel's templates as ACS lists them (`MessageTemplateItem`: name, language, status, kind,
 * and WhatsApp's own content); only approved ones may be sent.
 */
export const TEST_ACS_TEMPLATES = [
  {
    kind: 'whatsApp',
    name: 'order_follow_up',
    language: 'en_US',
    status: 'approved',
    content: {
      name: 'order_follow_up',
      language: 'en_US',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Your order' },
        { type: 'BODY', text: 'Hello {{1}}, about your order {{2}}: may we help?' },
        { type: 'FOOTER', text: 'Contoso support' },
      ],
    },
  },
  { kind: 'whatsApp', name: 'welcome_back', language: 'zh_CN', status: 'APPROVED', content: { components: [{ type: 'BODY', text: '欢迎回来！有什么可以帮您？' }] } },
  { kind: 'whatsApp', name: 'draft_offer', language: 'en_US', status: 'pending', content: { components: [{ type: 'BODY', text: 'Not yet approved' }] } },
];

export interface AcsRequest {
  method: string;
  path: string;
  signed: boolean;
  body: Record<string, unknown> | null;
  messageId?: string;
  /** The app's answers to the statuses published before this send was answered. */
  earlyStatusAnswers?: number[];
}

/** What the next send publishes before it answers: statuses for its message id, to the Event Grid webhook. */
interface EarlyStatuses {
  deliverTo: string;
  statuses: string[];
}

/** An Event Grid delivery of one `AdvancedMessageDeliveryStatusUpdated`, as the service sends it (lower-case status, nulls). */
function statusDelivery(messageId: string, status: string, to: string) {
  return [
    {
      id: randomUUID(),
      topic: '/subscriptions/sub-1/resourcegroups/rg-1/providers/microsoft.communication/communicationservices/acs-1',
      subject: `advancedMessage/${messageId}/status/${status}`,
      data: { messageId, status, channelType: 'whatsapp', from: TEST_ACS_CHANNEL, to, receivedTimestamp: new Date().toISOString(), error: null },
      eventType: 'Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated',
      dataVersion: '1.0',
      metadataVersion: '1',
      eventTime: new Date().toISOString(),
    },
  ];
}

async function publishStatuses(early: EarlyStatuses, messageId: string, to: string): Promise<number[]> {
  const answers: number[] = [];
  for (const status of early.statuses) {
    const response = await fetch(early.deliverTo, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' },
      body: JSON.stringify(statusDelivery(messageId, status, to)),
    });
    await response.arrayBuffer();
    answers.push(response.status);
  }
  return answers;
}

function verify(method: string, pathAndQuery: string, headers: Record<string, string | string[] | undefined>, body: Buffer): boolean {
  const date = headers['x-ms-date'] as string | undefined;
  const hash = headers['x-ms-content-sha256'] as string | undefined;
  const auth = headers.authorization as string | undefined;
  const host = headers.host as string | undefined;
  if (!date || !hash || !auth || !host) return false;
  if (createHash('sha256').update(body).digest('base64') !== hash) return false;
  const match = /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(.+)$/.exec(auth);
  if (!match) return false;
  const expected = createHmac('sha256', Buffer.from(TEST_ACS_KEY, 'base64')).update(`${method}\n${pathAndQuery}\n${date};${host};${hash}`).digest('base64');
  return match[1] === expected;
}

export async function startFakeAcs(): Promise<{ url: string; close(): Promise<void> }> {
  const requests: AcsRequest[] = [];
  let failNext: { status: number; body: unknown } | null = null;
  let earlyNext: EarlyStatuses | null = null;
  let nextMessageId: string | null = null;
  let mediaDown = false;
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = request.url ?? '/';
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    if (url === '/test/requests') return send(200, requests);
    if (url === '/test/fail-next') {
      failNext = JSON.parse(body.toString('utf8'));
      return send(200, {});
    }
    if (url === '/test/media-down') {
      mediaDown = JSON.parse(body.toString('utf8')) === true;
      return send(200, {});
    }
    if (url === '/test/next-message-id') {
      nextMessageId = JSON.parse(body.toString('utf8'));
      return send(200, {});
    }
    if (url === '/test/status-before-answer') {
      earlyNext = JSON.parse(body.toString('utf8'));
      return send(200, {});
    }
    const signed = verify(request.method ?? 'GET', url, request.headers, body);
    const entry: AcsRequest = { method: request.method ?? 'GET', path: url.split('?')[0]!, signed, body: body.length ? JSON.parse(body.toString('utf8')) : null };
    requests.push(entry);
    if (!signed) return send(401, { error: { code: 'Denied', message: 'bad HMAC signature' } });
    if (url.startsWith('/messages/streams/')) {
      // A media id `gone-…` has expired (404); while `/test/media-down` is on, ACS fails with 503.
      const mediaId = decodeURIComponent(url.split('?')[0]!.slice('/messages/streams/'.length));
      if (mediaId.startsWith('gone-')) return send(404, { error: { code: 'NotFound', message: 'media expired' } });
      if (mediaDown) return send(503, { error: { code: 'ServiceUnavailable', message: 'try again' } });
      response.writeHead(200, { 'Content-Type': 'image/jpeg' });
      return response.end(MEDIA_BYTES);
    }
    if (request.method === 'GET' && url.startsWith(`/messages/channels/${TEST_ACS_CHANNEL}/templates`)) return send(200, { value: TEST_ACS_TEMPLATES });
    if (url.startsWith('/messages/notifications:send')) {
      const refused = interactiveProblem(entry.body);
      if (refused) return send(400, { error: { code: 'BadRequest', message: refused } });
      if (failNext) {
        const failure = failNext;
        failNext = null;
        return send(failure.status, failure.body);
      }
      entry.messageId = nextMessageId ?? randomUUID();
      nextMessageId = null;
      const to = (entry.body?.to as string[] | undefined) ?? [];
      if (earlyNext) {
        const early = earlyNext;
        earlyNext = null;
        entry.earlyStatusAnswers = await publishStatuses(early, entry.messageId, to[0] ?? '');
      }
      return send(202, { receipts: to.map((recipient) => ({ messageId: entry.messageId, to: recipient })) });
    }
    send(404, { error: { code: 'NotFound', message: url } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * What ACS would refuse in an interactive notification (`InteractiveNotificationContent`): a body of
 * kind `text`, a known action kind, and WhatsApp's list limits (10 rows, titles of 24 characters).
 */
function interactiveProblem(body: Record<string, unknown> | null): string | null {
  if (body?.kind !== 'interactive') return null;
  const message = body.interactiveMessage as { body?: { kind?: string; text?: string }; action?: { kind?: string; content?: Record<string, unknown> } } | undefined;
  if (message?.body?.kind !== 'text' || !message.body.text) return 'interactiveMessage.body must be text';
  const action = message.action;
  if (action?.kind === 'whatsAppListAction') {
    const groups = (action.content?.groups ?? []) as { items?: { id?: string; title?: string }[] }[];
    const items = groups.flatMap((group) => group.items ?? []);
    if (action.content?.kind !== 'group' || items.length === 0 || items.length > 10) return 'a list needs 1 to 10 items in groups';
    if (items.some((item) => !item.id || !item.title || item.title.length > 24)) return 'list items need an id and a title of at most 24 characters';
    return null;
  }
  if (action?.kind === 'whatsAppButtonAction') return null;
  return `unknown interactive action ${String(action?.kind)}`;
}
