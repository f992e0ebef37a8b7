// A small bot in a local HTTP server, standing in until the real botbuilder bot
// (tests/support/handoff-bot.ts) is merged: it records every activity the console POSTs to it (and
// the Authorization header), answers through the console's Connector API at the activity's
// serviceUrl like a Bot Framework bot, echoes messages, and hands over on "agent" / "human" with a
// `handoff.initiate` event shaped as botbuilder's EventFactory makes it. It can be told to fail.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_CONNECTOR_TOKEN } from './fake-identity';

export interface BotActivity {
  type: string;
  id?: string;
  name?: string;
  text?: string;
  value?: { state?: string; message?: string } & Record<string, unknown>;
  serviceUrl: string;
  channelId: string;
  conversation: { id: string };
  from: { id: string; name?: string; role?: string };
  recipient: { id: string; role?: string };
}

export class RecordingBot {
  readonly received: { activity: BotActivity; authorization: string | undefined }[] = [];
  /** `ok`: answer 200 and act; `fail`: answer 500. */
  mode: 'ok' | 'fail' = 'ok';
  url = '';
  private server: Server;

  private constructor(readonly appId: string) {
    this.server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BotActivity;
      this.received.push({ activity, authorization: request.headers.authorization });
      if (this.mode === 'fail') {
        response.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"bot trouble"}');
        return;
      }
      response.writeHead(200).end();
      // A bot answers after acknowledging the turn, through the Connector API.
      void this.turn(activity).catch((error: unknown) => console.error('recording bot turn failed', error));
    });
  }

  static async start(appId = `bot-${randomUUID()}`): Promise<RecordingBot> {
    const bot = new RecordingBot(appId);
    await new Promise<void>((resolve) => bot.server.listen(0, '127.0.0.1', resolve));
    bot.url = `http://127.0.0.1:${(bot.server.address() as AddressInfo).port}/api/messages`;
    return bot;
  }

  /** Every `handoff.status` state the bot heard, in order. */
  get handoffStatuses(): string[] {
    return this.received.filter((r) => r.activity.type === 'event' && r.activity.name === 'handoff.status').map((r) => r.activity.value?.state ?? '');
  }

  async waitFor(predicate: (bot: RecordingBot) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) throw new Error(`bot: condition not met; received ${JSON.stringify(this.received.map((r) => r.activity))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async turn(activity: BotActivity): Promise<void> {
    if (activity.type !== 'message' || !activity.text) return;
    if (/^(agent|human)$/i.test(activity.text.trim())) {
      const transcript = { activities: this.received.filter((r) => r.activity.type === 'message' && r.activity.conversation.id === activity.conversation.id).map((r) => r.activity) };
      await this.post(activity, {
        type: 'event',
        name: 'handoff.initiate',
        id: randomUUID(),
        from: activity.from,
        value: { skill: 'General', summary: 'The customer asked for a person.' },
        attachments: [{ contentType: 'application/json', name: 'Transcript', content: transcript }],
        conversation: activity.conversation,
        replyToId: activity.id,
      });
      return;
    }
    await this.post(activity, {
      type: 'message',
      id: randomUUID(),
      from: { id: this.appId, name: 'Helper bot', role: 'bot' },
      recipient: activity.from,
      conversation: activity.conversation,
      text: `echo: ${activity.text}`,
      replyToId: activity.id,
    });
  }

  private async post(to: BotActivity, body: Record<string, unknown>): Promise<void> {
    const url = `${to.serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(to.conversation.id)}/activities/${encodeURIComponent(to.id ?? '')}`;
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_CONNECTOR_TOKEN}` }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`Connector API answered ${response.status}: ${await response.text()}`);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
