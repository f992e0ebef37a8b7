// Two app instances on one PostgreSQL: realtime crosses instances, and the outbox workers of both
// never send the same delivery twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/lib/db/free-port';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { createCustomChannel } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';
import { waitUntil } from '../support/wait-until';

let second: ChildProcess;
let secondUrl: string;

beforeAll(async () => {
  const port = await freePort();
  secondUrl = `http://127.0.0.1:${port}`;
  second = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), CONSOLE_URL: secondUrl, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await waitUntil(async () => (await fetch(`${secondUrl}/api/health`).catch(() => null))?.status === 200, 60_000, 'the second instance is up');
}, 90_000);

afterAll(async () => {
  second?.kill('SIGTERM');
  await new Promise((resolve) => (second?.exitCode !== null ? resolve(null) : second.once('exit', resolve)));
});

/** A signed-in rep whose requests go to the second instance (sessions live in the database). */
async function repOnSecond(email: string): Promise<{ cookie: string }> {
  const response = await fetch(`${secondUrl}/api/console/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  expect(response.status).toBe(200);
  return { cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

describe('two app instances on one database', () => {
  it('a rep on instance B sees live what a customer sent to instance A', async () => {
    const rep = await repOnSecond('alice@demo.test');
    const marker = `across-instances-${Date.now()}`;
    const controller = new AbortController();
    const stream = await fetch(`${secondUrl}/api/console/events`, { headers: { Cookie: rep.cookie }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const seen = (async () => {
      const decoder = new TextDecoder();
      let text = '';
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk, { stream: true });
        if (text.includes(marker)) return true;
      }
      return false;
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const user = { id: `instances-${Date.now()}`, name: 'Two Instances' };
    await customerSays(await startDirectLine(user), marker, user); // to instance A (CONSOLE_URL)
    const timeout = setTimeout(() => controller.abort(), 10_000);
    await expect(seen).resolves.toBe(true);
    clearTimeout(timeout);
    controller.abort();
  });

  it('the outbox workers of both instances send each delivery once', { timeout: 300_000 }, async () => {
    const receiver = await FakeChannel.start();
    try {
      const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'two-instances' });
      const alice = await ConsoleClient.signIn('alice@demo.test');
      const ids: string[] = [];
      for (let c = 0; c < 5; c++) {
        const user = { id: `outbox-instances-${c}-${Date.now()}`, name: `Outbox ${c}` };
        const start = await startDirectLine(user);
        await customerSays(start, 'hi', user);
        await db().conversation.update({ where: { id: start.conversationId }, data: { outboundChannelId: channel.id } });
        await alice.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
        for (let m = 0; m < 40; m++) {
          const sent = await alice.call('POST', `/api/console/conversations/${start.conversationId}/messages`, { text: `m${m}`, clientId: `two-${c}-${m}-${Date.now()}` });
          ids.push(sent.body.id);
        }
      }
      await waitUntil(async () => ids.every((id) => receiver.bodies().some((body) => body.id === id)) || undefined, 240_000, 'every message delivered');
      const counts = new Map<string, number>();
      for (const body of receiver.bodies()) if (typeof body.id === 'string') counts.set(body.id, (counts.get(body.id) ?? 0) + 1);
      expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });
});
