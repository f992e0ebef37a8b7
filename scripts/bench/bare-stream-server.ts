// The barest fan-out server a user could write, the baseline of the fan-out section: node:http, the
// open event-stream responses in a Set, and a POST whose body goes out as one SSE frame to each of
// them. No session, no database, no filtering: what delivering one message to every stream costs
// on this machine. Run as its own process (scripts/bench/fan-out.ts spawns it); prints its port.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const open = new Set<ServerResponse>();
let lastId = 0;

const server = createServer((request, response) => {
  if (request.method === 'GET') {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    response.write('retry: 1000\n\nevent: ready\ndata: {}\n\n');
    open.add(response);
    request.once('close', () => open.delete(response));
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const frame = `id: ${++lastId}\nevent: console\ndata: ${Buffer.concat(chunks).toString('utf8')}\n\n`;
    for (const stream of open) stream.write(frame);
    response.writeHead(204).end();
  });
});
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => process.exit(0));
