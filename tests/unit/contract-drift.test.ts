// Outside production the browser checks every answer against the console contract: a server that
// drifts from it fails loudly (ContractDrift naming the field) instead of rendering `undefined`.
// The answers come from a real local HTTP server; relative paths resolve against its origin, as
// the browser resolves them against the console's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callConsole, consoleMessage } from '@/components/api/fetch-json';
import { ContractDrift, consoleApi, streamedEventSchema } from '@/lib/protocol/console';
import { conversation } from '../support/console-views';

const summary = conversation({ lastText: 'hello' });

let answer: unknown = summary;
let server: Server;
let origin = '';
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(new URL(input, origin), init));
});

afterEach(() => vi.unstubAllEnvs());
afterAll(() => {
  vi.unstubAllGlobals();
  server.close();
});

describe('an answer outside the console contract', () => {
  it('passes when it matches, extra fields kept', async () => {
    answer = { ...summary, addedLater: true };
    await expect(callConsole(consoleApi.conversation, { params: { id: 'c1' } })).resolves.toEqual(answer);
  });

  it('fails loudly in development and tests, naming the endpoint and the field', async () => {
    const { lastActivityAt, ...drifted } = summary;
    void lastActivityAt;
    answer = { ...drifted, state: 'waiting' };
    const call = callConsole(consoleApi.conversation, { params: { id: 'c1' } });
    await expect(call).rejects.toBeInstanceOf(ContractDrift);
    await expect(call).rejects.toThrow(/GET \/api\/console\/conversations\/:id .*state: .*lastActivityAt:/);
  });

  it('is passed through unchecked in production, as before', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    answer = { ...summary, version: 'one' };
    await expect(callConsole(consoleApi.conversation, { params: { id: 'c1' } })).resolves.toEqual(answer);
  });

  it('on the realtime stream fails loudly too', () => {
    const event = { id: '7', type: 'conversation.updated', conversationId: 'c1', conversation: { ...summary, consultants: null } };
    expect(() => consoleMessage(streamedEventSchema, JSON.stringify(event), 'a console event')).toThrow(/a console event .*conversation\.consultants/);
    const fine = { ...event, conversation: summary };
    expect(consoleMessage(streamedEventSchema, JSON.stringify(fine), 'a console event')).toEqual(fine);
  });
});
