// What one attempt changes, as data: its log row, the delivery's next state, what the message shows.
// Written by record-attempts.ts; kept pure so the rules read in one place.
import type { DeliveryJobStatus, DeliveryState } from '../db/generated/client';
import type { ClaimedDelivery } from './claim';
import type { AttemptOutcome, NextStep } from './retry-policy';
import type { ConversationChange } from './targets';

export interface AttemptRecord {
  deliveryId: string;
  activityId: string;
  conversationId: string;
  action: NextStep['action'];
  // The attempt log row (timestamps as UTC ISO text).
  attempt: number;
  startedAt: string;
  durationMs: number;
  target: string;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: string | null;
  // The delivery.
  status: DeliveryJobStatus;
  lastError: string | null;
  finishedAt: string | null;
  /**
   * The message's new delivery state and error once the delivery has finished; `state` is null for
   * an edit or deletion, which only shows an error beside the message. Null while retries remain,
   * and when the message has moved on (delivered, read).
   */
  shown: { state: DeliveryState | null; error: string | null } | null;
  /** The channel's id for what was sent (Teams answers `{id}`): read receipts and edits refer to it. */
  externalId: string | null;
  conversationChange: ConversationChange | null;
}

export function describeOutcome(outcome: AttemptOutcome): string {
  if (outcome.kind === 'answered') return `HTTP ${outcome.status}`;
  if (outcome.kind === 'timeout') return 'timed out';
  return outcome.message;
}

export function attemptRecord(input: {
  delivery: ClaimedDelivery;
  target: string;
  outcome: AttemptOutcome | null;
  step: NextStep;
  startedAt: Date;
  durationMs: number;
  conversationChange?: ConversationChange | null;
  now?: number;
}): AttemptRecord {
  const { delivery, outcome, step } = input;
  const now = input.now ?? Date.now();
  const retrying = step.action === 'retry';
  const described = outcome ? describeOutcome(outcome) : null;
  const channelId = step.action === 'done' && outcome?.kind === 'answered' ? (outcome.body as { id?: unknown } | undefined)?.id : undefined;
  return {
    deliveryId: delivery.id,
    activityId: delivery.activity.id,
    conversationId: delivery.activity.conversationId,
    action: step.action,
    attempt: delivery.attempts + 1,
    startedAt: input.startedAt.toISOString(),
    durationMs: input.durationMs,
    target: input.target,
    statusCode: outcome?.kind === 'answered' ? outcome.status : null,
    error: step.action === 'done' ? null : (described ?? (step.action === 'give-up' ? step.reason : null)),
    nextAttemptAt: retrying ? new Date(now + step.delayMs).toISOString() : null,
    status: step.action === 'done' ? 'succeeded' : step.action === 'give-up' ? 'failed' : 'pending',
    lastError: step.action === 'give-up' ? step.reason : retrying ? described : null,
    finishedAt: retrying ? null : new Date(now).toISOString(),
    shown: retrying ? null : shownAfter(delivery, step),
    externalId:
      delivery.operation === 'send' && typeof channelId === 'string' && !delivery.activity.externalId ? channelId.slice(0, 1024) : null,
    conversationChange: input.conversationChange ?? null,
  };
}

/** States the outcome of a send may replace: never move a message backwards (a channel may already have reported it delivered or read). */
const REPLACEABLE: readonly DeliveryState[] = ['sending', 'failed', 'none'];

function shownAfter(delivery: ClaimedDelivery, step: Exclude<NextStep, { action: 'retry' }>): AttemptRecord['shown'] {
  const reason = step.action === 'give-up' ? step.reason : null;
  // A customer's message delivered to a bot is the customer's, not something the console sent.
  if (delivery.activity.direction === 'inbound') return null;
  if (delivery.operation === 'send') {
    // The activity row is locked since the claim, so its state is current.
    if (!REPLACEABLE.includes(delivery.activity.deliveryState)) return null;
    return { state: reason === null ? 'sent' : 'failed', error: reason };
  }
  // An edit or deletion: the message keeps its state; a failure is shown beside it.
  const what = delivery.operation === 'update' ? 'The edit' : 'The deletion';
  return { state: null, error: reason === null ? null : `${what} did not reach the channel: ${reason}` };
}
