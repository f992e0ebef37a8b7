import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sendAgentMessage } from '@/lib/activities/send-agent-message';
import { receiveCustomerActivity } from '@/lib/activities/receive-customer-activity';
import { acceptConversation } from '@/lib/conversations/accept-conversation';
import { openConversation } from '@/lib/conversations/open-conversation';
import { db } from '@/lib/db/client';
import { createCustomChannel } from '../support/custom-channel-setup';
import { FakeChannel } from '../support/fake-channel';
import { waitUntil } from '../support/wait-until';

const CONVERSATIONS = 50;
const MESSAGES_EACH = 20;
/** Slots of the app's own worker (OUTBOX_CONCURRENCY's default) and of the worker we kill. */
const APP_SLOTS = 4;
const KILLED_SLOTS = 8;

/** `node --import tsx`, not the tsx CLI: that would run the worker in a child SIGKILL never reaches. */
function startWorker(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, OUTBOX_CONCURRENCY: String(KILLED_SLOTS), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
}

const workers: ChildProcess[] = [];
afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await db().$disconnect();
});

describe('the outbox across a crash', () => {
  it('delivers all 1,000 messages after a worker is SIGKILLed mid-send, repeating only with the same id', { timeout: 120_000 }, async () => {
    const receiver = await FakeChannel.start();
    try {
      // Every request hangs until we say otherwise: the workers' slots fill up with deliveries in flight.
      receiver.always({ status: 200, delayMs: 60_000 });
      const channel = await createCustomChannel({ webhookUrl: receiver.url, token: 'crash-token' });
      const alice = await db().agent.findUniqueOrThrow({ where: { email: 'alice@demo.test' } });
      const agent = { id: alice.id, displayName: alice.displayName, role: alice.role };

      const messageIds: string[] = [];
      for (let c = 0; c < CONVERSATIONS; c++) {
        const { id } = await openConversation(db(), { channel: 'directline', customerId: `crash-${c}`, outboundChannelId: channel.id });
        await receiveCustomerActivity(id, { type: 'message', text: 'help', fromId: `crash-${c}`, raw: { type: 'message' } });
        await acceptConversation({ conversationId: id, agent });
        for (let m = 0; m < MESSAGES_EACH; m++) {
          const sent = await sendAgentMessage({ conversationId: id, agent, text: `message ${m}`, clientId: `crash-${c}-${m}-${Date.now()}` });
          messageIds.push(sent.id);
        }
      }
      const total = await db().delivery.count({ where: { channelId: channel.id } });
      expect(total).toBe(CONVERSATIONS * (MESSAGES_EACH + 2));

      const doomed = startWorker();
      workers.push(doomed);
      await receiver.waitFor(() => receiver.requests.length >= APP_SLOTS + KILLED_SLOTS, 30_000);
      doomed.kill('SIGKILL');
      await new Promise((resolve) => doomed.once('exit', resolve));
      // What reached the channel before the process died (bytes already on their way included): a
      // snapshot taken before the kill could miss a send the doomed worker began in between.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const inFlightAtKill = receiver.requests.map((request) => request.body.id as string);

      receiver.always({ status: 200 });
      workers.push(startWorker());

      await waitUntil(
        async () => (await db().delivery.count({ where: { channelId: channel.id, status: 'succeeded' } })) === total || undefined,
        90_000,
        'every delivery succeeded',
      );

      const received = receiver.requests.map((request) => request.body.id as string);
      const counts = new Map<string, number>();
      for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
      // Nothing lost: every message reached the channel and shows Sent.
      for (const id of messageIds) expect(counts.get(id), id).toBeGreaterThanOrEqual(1);
      const states = await db().activity.groupBy({ by: ['deliveryState'], where: { id: { in: messageIds } }, _count: true });
      expect(states).toEqual([{ deliveryState: 'sent', _count: CONVERSATIONS * MESSAGES_EACH }]);
      // Repeats are only the sends that were in flight when the process died, each with its own id.
      const repeated = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
      expect(repeated.length).toBeGreaterThan(0);
      for (const id of repeated) expect(inFlightAtKill).toContain(id);
      // Order within each conversation held.
      const byConversation = new Map<string, string[]>();
      for (const request of receiver.requests) {
        const body = request.body as { conversation: { id: string }; text?: string; name?: string };
        if (body.text?.startsWith('message ')) {
          const list = byConversation.get(body.conversation.id) ?? [];
          if (list.at(-1) !== body.text) list.push(body.text);
          byConversation.set(body.conversation.id, list);
        }
      }
      for (const list of byConversation.values()) expect(list).toEqual(Array.from({ length: MESSAGES_EACH }, (_, m) => `message ${m}`));
    } finally {
      await receiver.stop();
    }
  });
});
