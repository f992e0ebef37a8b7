// The HTTP server around Next.js. A custom server (rather than `next start`) so that the same
// process can prepare the database first and, later, upgrade Direct Line stream WebSockets.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import { createDirectLineStreams } from '../channels/directline/stream-server';
import { env, publicUrl } from '../config/env';
import { db } from '../db/client';
import { postgresCounterStore } from '../db/sql/rate-limits';
import { createRateLimits, unlimited } from '../http/rate-limit';
import { drainNodeRequest } from '../http/read-bytes';
import { logger } from '../log/logger';
import { runningRealtimeHub } from '../realtime/hub';
import { serveConsoleEvents } from './console-events';
import { serveDirectly } from './direct-routes';
import { answerUnknownApiPath, routeMatcher } from './unknown-api-paths';

/** How long open requests may take to finish when the server stops, before their connections are cut. */
const DRAIN_MS = 8_000;
const IDLE_SWEEP_MS = 100;
const LISTEN_BACKLOG = 4096;

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

export async function startHttpServer(options: { dev: boolean; dir: string; host: string; port: number }): Promise<RunningServer> {
  const server = createServer();
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgradeNext = app.getUpgradeHandler();
  const serves = options.dev ? null : routeMatcher(options.dir);
  const streams = createDirectLineStreams();
  const config = env();
  let warnedAt = 0;
  const shared = {
    store: postgresCounterStore(db()),
    flushMs: config.RATE_LIMIT_FLUSH_MS,
    onStoreError: (error: unknown) => {
      if (Date.now() - warnedAt < 60_000) return;
      warnedAt = Date.now();
      logger.warn({ err: error }, 'shared rate-limit counters unreachable; counting in this process alone');
    },
  };
  const limits = config.RATE_LIMIT ? createRateLimits({ perMinute: config.RATE_LIMIT_PER_MINUTE, trustProxy: config.TRUST_PROXY, shared }) : unlimited;
  // Browsers that reached us over https keep doing so (set here: PUBLIC_URL is known only at run time).
  const hsts = publicUrl(config).startsWith('https:');
  // Only the path and query of a direct route's URL are read; the origin just makes it absolute.
  const origin = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  server.on('request', (request, response) => {
    if (hsts) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    answerUnreadBodies(request, response);
    limits.admit(request, response).then(
      async (admitted) => {
        if (!admitted || serveDirectly(request, response, origin) || serveConsoleEvents(request, response, origin)) return;
        if (serves && answerUnknownApiPath(request, response, serves)) return;
        await handle(request, response);
      },
      (error: unknown) => {
        logger.error({ err: error, url: request.url }, 'rate limit check failed');
        if (!response.headersSent) response.writeHead(500).end();
      },
    );
  });
  // Direct Line streams are ours; every other upgrade (hot reload in dev) is Next's.
  server.on('upgrade', (request, socket, head) => {
    if (!streams.handles(request)) return void upgradeNext(request, socket, head);
    limits.admitUpgrade(request, socket).then(
      (admitted) => admitted && streams.upgrade(request, socket, head),
      (error: unknown) => {
        logger.error({ err: error, url: request.url }, 'rate limit check failed');
        socket.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep accept queue: thousands of console streams reconnect at once after a restart (the kernel caps it at somaxconn).
    server.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG }, () => resolve());
  });
  return {
    server,
    async close() {
      // No new connections; open requests finish, streams end, then idle keep-alive connections close.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await streams.close();
      runningRealtimeHub()?.endStreams();
      const idle = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      const cutOff = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      server.closeIdleConnections();
      await closed;
      clearInterval(idle);
      clearTimeout(cutOff);
      await app.close();
    },
  };
}

/**
 * A handler may answer (401, 413) before reading the whole body. The rest is read and dropped, or
 * the client, still sending, never reads the answer; past `DRAIN_AT_MOST` the connection is closed.
 * Should Next.js have destroyed a body it stopped reading, nobody reads that connection any more:
 * the answer closes it, or a keep-alive client would send its next request into it.
 */
function answerUnreadBodies(request: IncomingMessage, response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!request.complete && request.destroyed && !this.headersSent) this.setHeader('Connection', 'close');
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
  response.once('finish', () => {
    if (request.complete || request.destroyed) return;
    void drainNodeRequest(request).then((whole) => {
      if (!whole) request.socket.destroy();
    });
  });
}
