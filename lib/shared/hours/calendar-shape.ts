// The calendar as the business-hours functions read it: structurally what the admin API's schema
// (lib/protocol/console/calendar.ts) accepts, so a parsed calendar is one of these.

/** Index 0 = Monday, as `weekdayIndex` counts. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface BusinessCalendar {
  /** IANA time zone. */
  timeZone: string;
  /** Open intervals per weekday, local `HH:MM`, end after start (24:00 is midnight after). */
  weekly: Partial<Record<(typeof WEEKDAY_KEYS)[number], { start: string; end: string }[]>>;
  /** Local dates (YYYY-MM-DD) closed all day. */
  holidays: { date: string; name?: string }[];
}

export type ClosedReason = 'holiday' | 'non-working-hours';

/** Minutes since local midnight of `HH:MM`. */
export function clockMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}
