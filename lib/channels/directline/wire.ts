// Stored activities → the Direct Line wire shape clients read.
import type { Activity } from '../../db/generated/client';
import type { WireActivity } from '../../protocol/activity';

export const CHANNEL_ID = 'directline';

/** Activities a Direct Line client sees: everything the customer and the rep side said, no internal notes. */
export function isCustomerVisible(row: Pick<Activity, 'direction'>): boolean {
  return row.direction !== 'internal';
}

export function toWireActivity(row: Activity): WireActivity {
  const raw = (row.raw ?? {}) as Record<string, unknown>;
  const from = (raw.from as WireActivity['from']) ?? { id: row.fromId ?? undefined, name: row.fromName ?? undefined };
  return {
    ...raw,
    type: row.type,
    id: row.id,
    channelId: CHANNEL_ID,
    timestamp: row.createdAt.toISOString(),
    conversation: { id: row.conversationId },
    from: row.direction === 'outbound' ? { ...from, role: 'bot' } : from,
  };
}

export function watermarkOf(seq: number): string {
  return String(seq);
}
