// A real botbuilder bot in a local HTTP server, trusting the console as its channel the way README
// "A bot answers first" tells bot owners to: a CloudAdapter whose authentication comes from
// BotFrameworkAuthenticationFactory.create, pointed at the console's issuer and OpenID metadata. It
// answers through the console's Connector API with a token the console accepts (CONNECTOR_TOKENS).
//
// It echoes messages ("echo: <text>"); on "card" it sends an Adaptive Card, on "choices" suggested
// actions (with CardFactory / MessageFactory); on "agent" or "human" it says so and hands over with the
// SDK's own EventFactory.createHandoffInitiation; it records every request, every activity its logic ran
// on, every handoff.status and every send the console refused; and it can be told to fail (500), hang,
// or be down.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityTypes, CallerIdConstants, CardFactory, CloudAdapter, EventFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationConfiguration, AuthenticationConstants, BotFrameworkAuthenticationFactory, ServiceClientCredentialsFactory, TokenCredentials } from 'botframework-connector';
import { TEST_CONNECTOR_TOKEN } from './fake-identity';

export interface BotRequest {
  authorization: string | null;
  body: Record<string, unknown>;
  /** What the bot answered (null while it hangs). */
  status: number | null;
}

export interface HandoffStatus {
  conversationId: string;
  state: string;
  message?: string;
}

export type BotFailure = 'error' | 'hang';

export interface HandoffBotOptions {
  appId: string;
  /** The console's PUBLIC_URL: the token issuer the bot trusts. */
  issuer: string;
  /** Where the bot reads the console's OpenID metadata; PUBLIC_URL/.well-known/openid-configuration by default. */
  openIdMetadataUrl?: string;
  /** The bearer token its Connector API calls carry. */
  connectorToken?: string;
  /** The `skill` of the handoff context (the console may pick the queue by it). */
  skill?: string;
}

/** Outgoing calls carry a static Connector API token; incoming tokens must be for this bot's app id. */
class ConsoleConnectorCredentials extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly token: string,
  ) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string) {
    if (appId !== this.appId) throw new Error(`Invalid appId ${appId}`);
    return new TokenCredentials(this.token);
  }
}

const HANDOFF_WORDS = /^\s*(agent|human)\s*$/i;

/** The Adaptive Card the bot sends on "card". */
export const BOT_CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Your order ORD-1001 ships tomorrow', wrap: true }],
  actions: [{ type: 'Action.Submit', title: 'Track it', data: { action: 'track' } }],
};
/** The suggested actions the bot offers on "choices". */
export const BOT_CHOICES = ['Track my order', 'Talk to a person'];

function expressLike(response: ServerResponse) {
  let status = 200;
  let body: unknown;
  return {
    socket: response.socket,
    status(code: number) {
      status = code;
    },
    header(name: string, value: unknown) {
      response.setHeader(name, String(value));
    },
    send(payload: unknown) {
      body = payload;
    },
    end() {
      if (response.writableEnded) return;
      if (body === undefined) return void response.writeHead(status).end();
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      response.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' }).end(text);
    },
    get statusCode() {
      return status;
    },
  };
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export class HandoffBot {
  /** Every request that reached the endpoint, trusted or not. */
  readonly requests: BotRequest[] = [];
  /** Every activity the bot's logic ran on (the SDK trusted its token). */
  readonly received: Partial<Activity>[] = [];
  readonly handoffStatuses: HandoffStatus[] = [];
  /** What the console's Connector API refused of the bot's sends (the SDK's error messages). */
  readonly refusals: { conversationId: string; message: string }[] = [];
  url = '';
  private failure: BotFailure | null = null;
  private readonly adapter: CloudAdapter;
  private readonly transcripts = new Map<string, Partial<Activity>[]>();
  private server: Server;
  private port = 0;
  private waiters = new Set<() => void>();
  private hanging = new Set<ServerResponse>();

  private constructor(private readonly options: HandoffBotOptions) {
    const auth = BotFrameworkAuthenticationFactory.create(
      '', // channelService: none, every setting below is given
      true, // validateAuthority
      AuthenticationConstants.ToChannelFromBotLoginUrl, // where a bot gets its own tokens (the credentials below need none)
      AuthenticationConstants.ToChannelFromBotOAuthScope,
      options.issuer, // toBotFromChannelTokenIssuer: the console's PUBLIC_URL
      AuthenticationConstants.OAuthUrl,
      options.openIdMetadataUrl ?? `${options.issuer}/.well-known/openid-configuration`, // toBotFromChannelOpenIdMetadataUrl
      AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerIdConstants.PublicAzureChannel,
      new ConsoleConnectorCredentials(options.appId, options.connectorToken ?? TEST_CONNECTOR_TOKEN),
      new AuthenticationConfiguration(),
    );
    this.adapter = new CloudAdapter(auth);
    this.adapter.onTurnError = async (_context, error) => {
      throw error;
    };
    this.server = createServer((request, response) => void this.serve(request, response));
  }

  static async start(options: HandoffBotOptions): Promise<HandoffBot> {
    const bot = new HandoffBot(options);
    await bot.up();
    return bot;
  }

  /** The messaging endpoint to configure in the console. */
  get endpoint(): string {
    return `${this.url}/api/messages`;
  }

  /** From now on answer 500 (`error`) or never (`hang`); null: behave again. */
  failWith(failure: BotFailure | null): void {
    this.failure = failure;
  }

  /** Stops listening: the endpoint refuses connections until `up()`. */
  async down(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections(); // keep-alive connections would hold the port open
    await closed;
    this.server = createServer((request, response) => void this.serve(request, response));
  }

  /** Listens again, on the same port as before. */
  async up(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await this.down();
  }

  /** Resolves with the first value `check` returns that is not undefined/false, re-checked on every request. */
  waitFor<T>(check: () => T | undefined | false, timeoutMs = 20_000, what = 'the bot to see it'): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`waited ${timeoutMs} ms for ${what}; received: ${JSON.stringify(this.received.map((a) => [a.type, a.name ?? a.text]))}`));
      }, timeoutMs);
      const listener = () => void attempt();
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(listener);
      };
      if (!attempt()) this.waiters.add(listener);
    });
  }

  /** The messages the bot was told by a conversation (the customer's words as the bot heard them). */
  textsIn(conversationId: string): string[] {
    return this.received.filter((a) => a.type === ActivityTypes.Message && a.conversation?.id === conversationId).map((a) => a.text ?? '');
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const header = request.headers.authorization;
    const record: BotRequest = { authorization: header ?? null, body, status: null };
    this.requests.push(record);
    if (this.failure === 'hang') {
      this.hanging.add(response);
      this.notify();
      return;
    }
    if (this.failure === 'error') {
      record.status = 500;
      response.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'the bot is failing on purpose' }));
      this.notify();
      return;
    }
    const res = expressLike(response);
    await this.adapter.process({ body, headers: request.headers, method: request.method }, res, (context) => this.onTurn(context));
    record.status = res.statusCode;
    this.notify();
  }

  private transcriptOf(conversationId: string): Partial<Activity>[] {
    let transcript = this.transcripts.get(conversationId);
    if (!transcript) this.transcripts.set(conversationId, (transcript = []));
    return transcript;
  }

  private async onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    this.received.push(activity);
    const transcript = this.transcriptOf(activity.conversation.id);
    if (activity.type === ActivityTypes.Message) {
      transcript.push(activity);
      const text = activity.text ?? '';
      if (HANDOFF_WORDS.test(text)) {
        const words = 'Let me find a person for you.';
        await context.sendActivity(words);
        transcript.push({ type: ActivityTypes.Message, text: words, from: activity.recipient });
        const handoff = EventFactory.createHandoffInitiation(
          context,
          { skill: this.options.skill, summary: `The customer asked for a person after ${transcript.length - 1} messages.` },
          { activities: transcript as Activity[] },
        );
        await context.sendActivity(handoff);
        return;
      }
      const rich = text === 'card' ? MessageFactory.attachment(CardFactory.adaptiveCard(BOT_CARD)) : text === 'choices' ? MessageFactory.suggestedActions(BOT_CHOICES, 'What would you like to do?') : null;
      if (rich) {
        try {
          await context.sendActivity(rich);
        } catch (error) {
          this.refusals.push({ conversationId: activity.conversation.id, message: (error as Error).message });
        }
        return;
      }
      const echo = `echo: ${text}`;
      await context.sendActivity(echo);
      transcript.push({ type: ActivityTypes.Message, text: echo, from: activity.recipient });
      return;
    }
    if (activity.type === ActivityTypes.Event && activity.name === 'handoff.status') {
      const value = (activity.value ?? {}) as { state?: unknown; message?: unknown };
      this.handoffStatuses.push({
        conversationId: activity.conversation.id,
        state: String(value.state),
        ...(typeof value.message === 'string' && { message: value.message }),
      });
    }
  }
}

/**
 * Runs `action` while collecting what botbuilder writes to console.error (it logs each token it
 * refuses, with the reason): a test expecting a refusal reads the reason instead of failing on the log.
 */
export async function sdkComplaints<T>(action: () => Promise<T>): Promise<{ result: T; complaints: string }> {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    const result = await action();
    return { result, complaints: logged.map((args) => args.map(String).join(' ')).join('\n') };
  } finally {
    console.error = original;
  }
}
