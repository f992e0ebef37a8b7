// A local file host standing in for where channels keep customers' files: Teams' attachment store
// (which wants the bot's token), SharePoint download links, any URL a Direct Line client names.
// Each path answers as scripted, badly included: 404, too large, redirects, never answering.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export class FakeFileHost {
  /** Every request: its path and the Authorization header it carried. */
  readonly requests: { path: string; authorization: string | null }[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly server: Server;
  url = '';

  private constructor() {
    this.server = createServer((request, response) => {
      this.requests.push({ path: request.url ?? '', authorization: request.headers.authorization ?? null });
      const handler = this.routes.get(new URL(request.url ?? '/', 'http://host').pathname);
      if (!handler) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      handler(request, response);
    });
  }

  static async start(): Promise<FakeFileHost> {
    const host = new FakeFileHost();
    await new Promise<void>((resolve) => host.server.listen(0, '127.0.0.1', resolve));
    host.url = `http://127.0.0.1:${(host.server.address() as AddressInfo).port}`;
    return host;
  }

  /** Serves `bytes`; with `bearerPrefix`, only to requests whose token starts so (401 otherwise). */
  file(path: string, bytes: Buffer, contentType: string, options: { bearerPrefix?: string } = {}): string {
    this.routes.set(path, (request, response) => {
      if (options.bearerPrefix && !request.headers.authorization?.startsWith(`Bearer ${options.bearerPrefix}`)) {
        return void response.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Authorization has been denied for this request."}');
      }
      response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(bytes.length) }).end(bytes);
    });
    return `${this.url}${path}`;
  }

  redirect(path: string, location: string): string {
    this.routes.set(path, (_request, response) => void response.writeHead(302, { Location: location }).end());
    return `${this.url}${path}`;
  }

  /** Claims `declaredBytes` in Content-Length (and sends a little). */
  declaresSize(path: string, declaredBytes: number): string {
    this.routes.set(path, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': String(declaredBytes) });
      response.write(Buffer.alloc(1024));
    });
    return `${this.url}${path}`;
  }

  /** Streams zeros without a Content-Length until the client stops reading. */
  endless(path: string): string {
    this.routes.set(path, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      const chunk = Buffer.alloc(256 * 1024);
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    return `${this.url}${path}`;
  }

  /** Accepts the request and never answers. */
  hangs(path: string): string {
    this.routes.set(path, () => {});
    return `${this.url}${path}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A PDF as file-type recognises one. */
export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
}
