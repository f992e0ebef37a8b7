import { db } from '@/lib/db/client';
import type { ConsoleClient } from './clients';
import { baseUrl } from './test-env';
import { waitUntil } from './wait-until';

export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** Reads a server-sent event stream until `until` says stop (or the timeout aborts it). */
export async function readEvents(
  path: string,
  headers: Record<string, string>,
  until: (messages: SseMessage[]) => boolean,
  timeoutMs = 10_000,
): Promise<SseMessage[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const messages: SseMessage[] = [];
  try {
    const response = await fetch(`${baseUrl()}${path}`, { headers, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = { event: 'message', data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) message.event = line.slice(7);
          else if (line.startsWith('id: ')) message.id = line.slice(4);
          else if (line.startsWith('data: ')) {
            message.data += line.slice(6);
            hasData = true;
          }
        }
        if (hasData) messages.push(message);
      }
      if (until(messages)) break;
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return messages;
}

/**
 * A rep's console left open (its event stream, as the browser holds it): they count as connected
 * until `close()` and the grace after. Resolves once the app has recorded the connection.
 */
export async function openConsole(client: ConsoleClient): Promise<{ agentId: string; close(): void }> {
  const agentId = ((await client.call('GET', '/api/console/me')).body as { agent: { id: string } }).agent.id;
  const since = new Date();
  const controller = new AbortController();
  const response = await fetch(client.url('/api/console/events'), { headers: { Cookie: client.cookieHeader() }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  // Keep reading so the stream stays open; the read ends when it is closed.
  void response.body.pipeTo(new WritableStream()).catch(() => undefined);
  await waitUntil(
    async () => {
      const agent = await db().agent.findUnique({ where: { id: agentId }, select: { connectedUntil: true, updatedAt: true } });
      return agent && agent.updatedAt >= since && agent.connectedUntil && agent.connectedUntil > new Date() ? agent : undefined;
    },
    10_000,
    'the console connection is recorded',
  );
  return { agentId, close: () => controller.abort() };
}
