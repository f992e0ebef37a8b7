// Outbound drain rate: deliveries already in the outbox, sent to a local receiver that answers 200.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendAgentMessage } from '../../lib/activities/send-agent-message';
import { receiveCustomerActivity } from '../../lib/activities/receive-customer-activity';
import { acceptConversation } from '../../lib/conversations/accept-conversation';
import { cachedDefaultQueueId, ensureDefaults } from '../../lib/conversations/defaults';
import { openConversation } from '../../lib/conversations/open-conversation';
import { createDb } from '../../lib/db/client';
import { OutboxWorker } from '../../lib/outbound/worker';
import { percentile } from './database';

export interface OutboundResult {
  deliveries: number;
  concurrency: number;
  batchSize: number;
  seconds: number;
  perSecond: number;
  attemptP50Ms: number;
  attemptP99Ms: number;
}

export async function benchOutbound(databaseUrl: string, options = { conversations: 200, messagesEach: 10, concurrency: 4, batchSize: 16 }): Promise<OutboundResult> {
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{}'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const db = createDb(databaseUrl, options.concurrency + 4);
  try {
    await ensureDefaults(db);
    const channel = await db.channel.create({ data: { kind: 'custom', name: 'bench', settings: { webhookUrl, token: 'bench' } } });
    const row = await db.agent.create({ data: { email: 'bench@bench.test', displayName: 'Bench', passwordHash: 'x' } });
    // The bench's agent works the default queue, where the conversations below wait.
    const agent = { id: row.id, displayName: row.displayName, role: row.role, queueIds: [await cachedDefaultQueueId(db)] };
    for (let c = 0; c < options.conversations; c++) {
      const { id } = await openConversation(db, { channel: 'directline', customerId: `b${c}`, outboundChannelId: channel.id });
      await receiveCustomerActivity(id, { type: 'message', text: 'hi', raw: { type: 'message' } }, db);
      await acceptConversation({ conversationId: id, agent }, db);
      for (let m = 0; m < options.messagesEach; m++) {
        await sendAgentMessage({ conversationId: id, agent, text: `message ${m}`, clientId: `bench-${c}-${m}` }, db);
      }
    }
    const deliveries = await db.delivery.count();
    const worker = new OutboxWorker(db, { connectionString: databaseUrl, concurrency: options.concurrency, batchSize: options.batchSize });
    const started = process.hrtime.bigint();
    await worker.start();
    while ((await db.delivery.count({ where: { status: 'succeeded' } })) < deliveries) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await worker.stop();
    const durations = (await db.deliveryAttempt.findMany({ select: { durationMs: true } })).map((a) => a.durationMs).sort((a, b) => a - b);
    return {
      deliveries,
      concurrency: options.concurrency,
      batchSize: options.batchSize,
      seconds,
      perSecond: deliveries / seconds,
      attemptP50Ms: percentile(durations, 50),
      attemptP99Ms: percentile(durations, 99),
    };
  } finally {
    await db.$disconnect();
    receiver.closeAllConnections();
    receiver.close();
  }
}
