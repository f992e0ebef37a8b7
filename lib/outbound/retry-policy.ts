// How each kind of target is retried, as data; `nextStep` is the one place that reads it.

export interface RetryPolicy {
  /** Shown in logs and the attempt log. */
  name: string;
  timeoutMs: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** HTTP statuses worth another try; 'any' retries every non-2xx answer. */
  retryStatuses: 'any' | readonly number[];
  retryOnNetworkError: boolean;
  /** Wait as long as a 429/503 `Retry-After` asks (capped by maxRetryAfterMs). */
  honourRetryAfter: boolean;
  maxRetryAfterMs: number;
  backoff: { initialMs: number; factor: number; maxMs: number };
}

/** Seed 000: 10 s per try, three tries, then give up and show it. */
export const CUSTOM_CHANNEL_POLICY: RetryPolicy = {
  name: 'custom-channel',
  timeoutMs: 10_000,
  maxAttempts: 3,
  retryStatuses: 'any',
  retryOnNetworkError: true,
  honourRetryAfter: true,
  maxRetryAfterMs: 60_000,
  backoff: { initialMs: 1_000, factor: 2, maxMs: 10_000 },
};

/** Bot Framework channels (PROTOCOLS.md §6): back off on 412/502/503/504, honour 429's Retry-After, never retry other 4xx or 500. */
export const BOT_FRAMEWORK_POLICY: RetryPolicy = {
  name: 'bot-framework',
  timeoutMs: 15_000,
  maxAttempts: 6,
  retryStatuses: [412, 429, 502, 503, 504],
  retryOnNetworkError: true,
  honourRetryAfter: true,
  maxRetryAfterMs: 300_000,
  backoff: { initialMs: 1_000, factor: 2, maxMs: 60_000 },
};

/** 10 s per try, three tries (issue 19); a 4xx other than 408/429 is final (the bot refused it). */
export const BOT_POLICY: RetryPolicy = {
  name: 'bot',
  timeoutMs: 10_000,
  maxAttempts: 3,
  retryStatuses: [408, 429, 500, 502, 503, 504],
  retryOnNetworkError: true,
  honourRetryAfter: true,
  maxRetryAfterMs: 10_000,
  backoff: { initialMs: 1_000, factor: 2, maxMs: 4_000 },
};

/** ACS Advanced Messaging: back off on throttling and server trouble; a 4xx is final. */
export const ACS_POLICY: RetryPolicy = {
  name: 'acs-messages',
  timeoutMs: 15_000,
  maxAttempts: 5,
  retryStatuses: [408, 429, 500, 502, 503, 504],
  retryOnNetworkError: true,
  honourRetryAfter: true,
  maxRetryAfterMs: 300_000,
  backoff: { initialMs: 1_000, factor: 2, maxMs: 60_000 },
};

export type AttemptOutcome =
  | {
      kind: 'answered';
      status: number;
      retryAfter?: string | null;
      /** The answer's JSON (a created activity's `{id}`), when there was one. */
      body?: unknown;
      /** Bot Framework's `error.code` of a failure answer (`ConversationBlockedByUser`, …). */
      errorCode?: string | null;
    }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

export type NextStep =
  | { action: 'done' }
  | { action: 'retry'; delayMs: number }
  | { action: 'give-up'; reason: string };

export function isSuccess(outcome: AttemptOutcome): boolean {
  return outcome.kind === 'answered' && outcome.status >= 200 && outcome.status < 300;
}

/** `attempt` is the number of the attempt that just ended (1 for the first). */
export function nextStep(policy: RetryPolicy, outcome: AttemptOutcome, attempt: number, now = Date.now()): NextStep {
  if (isSuccess(outcome)) return { action: 'done' };
  const retryable =
    outcome.kind === 'answered'
      ? policy.retryStatuses === 'any' || policy.retryStatuses.includes(outcome.status)
      : policy.retryOnNetworkError;
  if (!retryable) return { action: 'give-up', reason: `${describe(outcome, policy)}; not retried` };
  if (attempt >= policy.maxAttempts) {
    return { action: 'give-up', reason: `${describe(outcome, policy)} (${attempt} ${attempt === 1 ? 'attempt' : 'attempts'})` };
  }
  const backoff = Math.min(policy.backoff.initialMs * policy.backoff.factor ** (attempt - 1), policy.backoff.maxMs);
  const asked = outcome.kind === 'answered' && policy.honourRetryAfter ? retryAfterMs(outcome.retryAfter, now) : null;
  return { action: 'retry', delayMs: asked === null ? backoff : Math.min(asked, policy.maxRetryAfterMs) };
}

export function describe(outcome: AttemptOutcome, policy: RetryPolicy): string {
  if (outcome.kind === 'answered') return `Channel answered ${outcome.status}${outcome.errorCode ? ` ${outcome.errorCode}` : ''}`;
  if (outcome.kind === 'timeout') return `Channel did not answer within ${Math.round(policy.timeoutMs / 1000)} s`;
  return `Channel unreachable: ${outcome.message}`;
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
