import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine, type DirectLineStart } from './clients';
import { waitUntil } from './wait-until';

/** A custom channel of its own for one test, pointing at a fake receiver. */
export async function createCustomChannel(settings: Record<string, string>) {
  return db().channel.create({ data: { kind: 'custom', name: `test-${randomBytes(4).toString('hex')}`, settings } });
}

/**
 * A Direct Line conversation relayed to `channelId` (seed 000's pattern) with one customer message,
 * accepted by `agent`.
 */
export async function relayedConversation(channelId: string, agent: ConsoleClient, customer = 'Relay Customer'): Promise<DirectLineStart> {
  const user = { id: `cust-${randomBytes(3).toString('hex')}`, name: customer };
  const start = await startDirectLine(user);
  await db().conversation.update({ where: { id: start.conversationId }, data: { outboundChannelId: channelId } });
  await customerSays(start, 'Hello, I need a hand', user);
  const accepted = await agent.call('POST', `/api/console/conversations/${start.conversationId}/accept`, {});
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`);
  return start;
}

export function deliveryStateOf(activityId: string, expected: string, timeoutMs = 20_000) {
  return waitUntil(
    async () => {
      const row = await db().activity.findUnique({ where: { id: activityId }, select: { deliveryState: true, deliveryError: true } });
      return row?.deliveryState === expected ? row : undefined;
    },
    timeoutMs,
    `activity ${activityId} ${expected}`,
  );
}
