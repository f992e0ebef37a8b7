// Channel events the console could not use (their data malformed or unusable): the rest of their
// delivery goes on; each is kept once (RejectedEvent, keyed like ProcessedEvent), logged and counted,
// so an operator can see what a channel sent and why it was refused.
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { logger } from '../log/logger';
import { metrics } from '../metrics/registry';

export interface RejectedChannelEvent {
  channel: string;
  /** The event's dedupe key, e.g. `eventgrid:<event id>`: a redelivery is recorded once. */
  key: string;
  eventType: string;
  reason: string;
  data: unknown;
}

export async function rejectChannelEvent(db: Db, event: RejectedChannelEvent): Promise<void> {
  logger.warn({ channel: event.channel, key: event.key, eventType: event.eventType, reason: event.reason }, 'channel event rejected');
  metrics().channelEventsRejected.inc({ channel: event.channel });
  await db.rejectedEvent.createMany({
    data: [{ key: event.key, channel: event.channel, eventType: event.eventType, reason: event.reason, payload: { data: event.data ?? null } as Prisma.InputJsonObject }],
    skipDuplicates: true,
  });
}
