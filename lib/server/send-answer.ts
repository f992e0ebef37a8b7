import type { ServerResponse } from 'node:http';
import type { Answer } from '../http/incoming';
import securityHeaders from '../http/security-headers.json';

/** Writes an `Answer` as JSON with the headers `next.config.js` gives every page and route. */
export function sendAnswer(response: ServerResponse, { status, body, headers = {} }: Answer): void {
  const bytes = Buffer.from(JSON.stringify(body));
  for (const { key, value } of securityHeaders) response.setHeader(key, value);
  for (const [key, value] of Object.entries(headers)) response.setHeader(key, value);
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Content-Length', bytes.length);
  response.writeHead(status).end(bytes);
}
