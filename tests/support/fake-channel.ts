// A local stand-in for a custom messaging channel (and its OAuth token endpoint) that behaves like
// the real thing, failures included: each request is answered by the next scripted reply.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Answer only after this long (a channel slower than our timeout). */
  delayMs?: number;
  /** JSON answer; by default a success answers `{"id": "<increasing number>"}` like Teams. */
  body?: unknown;
}

export class FakeChannel {
  readonly requests: ReceivedRequest[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  private script: Reply[] = [];
  private fallback: Reply = { status: 200 };
  private server: Server;
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  url = '';

  constructor() {
    this.server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      if (request.url === '/oauth/token') {
        this.tokenRequests.push(new URLSearchParams(text));
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        response.end(JSON.stringify({ access_token: `oauth-token-${this.tokenRequests.length}`, token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      this.requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: text ? JSON.parse(text) : {}, at: Date.now() });
      this.notify();
      const reply = this.script.shift() ?? this.fallback;
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (response.destroyed) return;
      response.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
      const body = reply.body ?? (reply.status < 300 ? { id: String(1_700_000_000_000 + this.requests.length) } : { message: 'scripted failure' });
      response.end(JSON.stringify(body));
    });
  }

  static async start(): Promise<FakeChannel> {
    const channel = new FakeChannel();
    await new Promise<void>((resolve) => channel.server.listen(0, '127.0.0.1', resolve));
    channel.url = `http://127.0.0.1:${(channel.server.address() as AddressInfo).port}`;
    return channel;
  }

  /** The next requests get these replies, in order; afterwards `always` (200 by default). */
  reply(...replies: Reply[]): this {
    this.script.push(...replies);
    return this;
  }

  always(reply: Reply): this {
    this.fallback = reply;
    return this;
  }

  bodies(): Record<string, unknown>[] {
    return this.requests.map((request) => request.body);
  }

  /** Resolves once `predicate` holds (checked on every request), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake channel: condition not met in ${timeoutMs} ms; got ${JSON.stringify(this.bodies())}`)), timeoutMs);
      this.waiters.push({ predicate, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private notify() {
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.predicate()) return true;
      waiter.resolve();
      return false;
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
