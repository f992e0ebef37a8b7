// The HTTP server around Next.js. A custom server (rather than `next start`) so that the same
// process can prepare the database first and, later, upgrade Direct Line stream WebSockets.
import { createServer, type Server } from 'node:http';
import next from 'next';

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

export async function startHttpServer(options: { dev: boolean; dir: string; host: string; port: number }): Promise<RunningServer> {
  const server = createServer();
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.host, port: options.port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on('request', (request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
