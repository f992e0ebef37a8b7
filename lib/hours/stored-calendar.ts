import { calendarSchema, type Calendar } from '../protocol/console/calendar';

/**
 * A queue's calendar as stored (`Queue.calendar`, written only through the admin API's schema).
 * A value that no longer parses (a time zone the runtime dropped, say) counts as no calendar: the
 * queue stays open rather than closed for good.
 */
export function storedCalendar(value: unknown): Calendar | null {
  if (value === null || value === undefined) return null;
  const parsed = calendarSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
