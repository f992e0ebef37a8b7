// A queue's business hours: the calendar administrators set (docs/operations.md, "Business hours
// per queue"). Pure zod: the admin API, the routing tick and the browser share it.
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Whether the runtime's time zone database knows `zone` (an IANA name such as Europe/Berlin). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day from 00:00 to 24:00 (HH:MM)');

/**
 * One open interval of a day, local time. Overnight intervals are refused: a shift past midnight is
 * two intervals (until 24:00, and from 00:00 the next day), which the calendar joins.
 */
const interval = z
  .object({ start: clock, end: clock })
  .strict()
  // `HH:MM` strings order as the times they name.
  .refine((i) => i.end > i.start, { message: 'end must be after start (a shift past midnight is two intervals)' });

const day = z
  .array(interval)
  .max(8)
  .refine(
    (intervals) => {
      const sorted = [...intervals].sort((a, b) => a.start.localeCompare(b.start));
      return sorted.every((current, k) => k === 0 || current.start >= sorted[k - 1]!.end);
    },
    { message: 'intervals of a day must not overlap' },
  )
  .default([]);

export const calendarSchema = z
  .object({
    timeZone: z.string().min(1).max(64).refine(isTimeZone, { message: 'not an IANA time zone this server knows' }),
    /** Open intervals per weekday; a day left out is closed. */
    weekly: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<Weekday, typeof day>).strict(),
    /** Closed all day (local date), whatever the weekly hours say. */
    holidays: z
      .array(z.object({ date: z.iso.date(), name: z.string().trim().max(100).optional() }).strict())
      .max(400)
      .default([]),
  })
  .strict();

export type Calendar = z.output<typeof calendarSchema>;
export type CalendarInput = z.input<typeof calendarSchema>;
