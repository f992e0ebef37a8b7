// The SLA clock of an episode (docs/metrics.md): which response it waits for and when its warning
// (80% of the target) and breach fall, counted in the queue's business hours. Pure: the SLA step
// (sla-step.ts) stores what this answers.
import { addBusinessSeconds } from '../../shared/hours/business-hours';
import type { Calendar } from '../../protocol/console/calendar';

/** The share of a target after which the clock warns. */
export const SLA_WARNING_SHARE = 0.8;

export type SlaKind = 'first' | 'next';

export interface SlaClock {
  kind: SlaKind;
  /** What it counts from: the queue entry (first), the earliest unanswered customer message (next). */
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
}

export interface ClockInput {
  calendar: Calendar | null;
  queuedAt: Date;
  firstResponseAt: Date | null;
  /** The due instant of the first response, once set (it does not move when the target changes). */
  firstResponseDueAt: Date | null;
  /** The earliest customer message since the last answer, if any. */
  unansweredSince: Date | null;
  firstResponseTargetSeconds: number | null;
  nextResponseTargetSeconds: number | null;
}

/** `from` plus `seconds` of business time (a queue without a calendar is always open); null if it never opens. */
export function businessDue(calendar: Calendar | null, from: Date, seconds: number): Date | null {
  return calendar ? addBusinessSeconds(calendar, from, seconds) : new Date(from.getTime() + seconds * 1000);
}

/** The first response's due instant: kept once set, else from the queue's target. */
export function firstResponseDue(input: ClockInput): Date | null {
  if (input.firstResponseDueAt) return input.firstResponseDueAt;
  const target = input.firstResponseTargetSeconds;
  return target === null ? null : businessDue(input.calendar, input.queuedAt, target);
}

/** The clock running now, or null (answered, no target, or a calendar that never opens). */
export function slaClock(input: ClockInput): SlaClock | null {
  if (!input.firstResponseAt) {
    const target = input.firstResponseTargetSeconds;
    const dueAt = firstResponseDue(input);
    const warnAt = target === null ? null : businessDue(input.calendar, input.queuedAt, target * SLA_WARNING_SHARE);
    return dueAt && warnAt ? { kind: 'first', startedAt: input.queuedAt, warnAt: warnAt < dueAt ? warnAt : dueAt, dueAt } : null;
  }
  const target = input.nextResponseTargetSeconds;
  if (!input.unansweredSince || target === null) return null;
  const dueAt = businessDue(input.calendar, input.unansweredSince, target);
  const warnAt = businessDue(input.calendar, input.unansweredSince, target * SLA_WARNING_SHARE);
  return dueAt && warnAt ? { kind: 'next', startedAt: input.unansweredSince, warnAt, dueAt } : null;
}
