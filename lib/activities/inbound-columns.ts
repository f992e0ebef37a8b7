// The stored columns of a customer's activity, the same whichever path stores it: the ingest
// statement (receive-customer-activity.ts) or a survey answer (conversations/survey/record-answer.ts).
import { withConsoleContent, type ConsoleContent } from '../protocol/console-content';
import type { InboundActivity } from './receive-customer-activity';

export function inboundColumns(input: InboundActivity, now: Date, content: ConsoleContent | undefined = input.content) {
  return {
    type: input.type,
    direction: 'inbound' as const,
    dedupeKey: input.dedupeKey ?? null,
    externalId: input.externalId ?? null,
    clientActivityId: input.clientActivityId ?? null,
    fromId: input.fromId || null,
    fromName: input.fromName || null,
    fromRole: input.fromRole ?? null,
    agentId: input.agentId ?? null,
    text: input.text ?? null,
    textFormat: input.textFormat ?? null,
    locale: input.locale ?? null,
    name: input.name ?? null,
    replyToId: input.replyToId ?? null,
    timestamp: input.timestamp ?? now,
    // Only the console sets its own key: a caller's value under it is dropped.
    raw: withConsoleContent(input.raw, content),
  };
}
