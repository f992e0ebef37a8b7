// The one place that knows every channel kind: the domain and the outbox ask it for the adapter of a
// conversation's channel and never import a channel's folder (eslint.config.mjs says so).
import type { ChannelKind } from '../db/generated/client';
import type { ChannelAdapter } from './adapter';
import { botAdapter } from './bot/adapter';
import { connectorAdapter } from './connector/adapter';
import { customWebhookAdapter } from './custom-webhook/adapter';
import { directLineAdapter } from './directline/adapter';
import { teamsAdapter } from './teams/adapter';
import { whatsAppAdapter } from './whatsapp/adapter';

const ADAPTERS: Record<ChannelKind, ChannelAdapter> = {
  directline: directLineAdapter,
  connector: connectorAdapter,
  teams: teamsAdapter,
  whatsapp: whatsAppAdapter,
  custom: customWebhookAdapter,
  bot: botAdapter,
};

export function channelAdapter(kind: ChannelKind): ChannelAdapter {
  return ADAPTERS[kind];
}

/** When the channel's reply window closes, from the customer's last message (null: no window, or no message yet). */
export function replyWindowEndsAt(kind: ChannelKind, lastInboundAt: Date | null): string | null {
  const windowMs = ADAPTERS[kind].replyWindowMs;
  return windowMs !== null && lastInboundAt ? new Date(lastInboundAt.getTime() + windowMs).toISOString() : null;
}

/** The same as SQL, for the summary PostgreSQL computes (lib/conversations/summary-sql.ts): `kind` and `lastInboundAt` are column expressions. */
export function replyWindowEndsAtSql(kind: string, lastInboundAt: string, iso: (timestamp: string) => string): string {
  const cases = Object.values(ADAPTERS)
    .filter((adapter) => adapter.replyWindowMs !== null)
    .map((adapter) => `WHEN ${kind} = '${adapter.kind}' AND ${lastInboundAt} IS NOT NULL THEN ${iso(`${lastInboundAt} + interval '${adapter.replyWindowMs} milliseconds'`)}`);
  return cases.length > 0 ? `CASE ${cases.join(' ')} END` : 'NULL';
}
