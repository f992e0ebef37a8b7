// Business hours of a queue (its calendar): open or not at an instant, why not, when it opens next,
// and how much business time lies between two instants (reports' "% within SLA"). Pure functions
// over a calendar, shared by the server (routing, reports) and the browser (the inbox); a queue
// without a calendar is always open, which callers decide before asking.
import { WEEKDAY_KEYS, clockMinutes, type BusinessCalendar as Calendar, type ClosedReason } from './calendar-shape';
import { addDays, isoDate, localParts, weekdayIndex, zonedInstant, type LocalDate } from './zoned-time';

interface Window {
  start: number;
  end: number;
}

/** Far enough to pass a year of holidays; a calendar with no open day at all never opens. */
const LOOKAHEAD_DAYS = 400;

function localDate(calendar: Calendar, at: Date): LocalDate {
  const { year, month, day } = localParts(calendar.timeZone, at);
  return { year, month, day };
}

function isHoliday(calendar: Calendar, date: LocalDate): boolean {
  const iso = isoDate(date);
  return calendar.holidays.some((holiday) => holiday.date === iso);
}

/** The open windows of one local day, as epoch milliseconds, in order (none on a holiday). */
function windowsOf(calendar: Calendar, date: LocalDate): Window[] {
  if (isHoliday(calendar, date)) return [];
  const intervals = calendar.weekly[WEEKDAY_KEYS[weekdayIndex(date)]!] ?? [];
  return intervals
    .map((i) => ({
      start: zonedInstant(calendar.timeZone, date, clockMinutes(i.start)).getTime(),
      end: zonedInstant(calendar.timeZone, date, clockMinutes(i.end)).getTime(),
    }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start);
}

export function isOpen(calendar: Calendar, at: Date): boolean {
  const t = at.getTime();
  return windowsOf(calendar, localDate(calendar, at)).some((w) => w.start <= t && t < w.end);
}

/** Why the calendar is closed at `at` (null when open): a holiday, or outside the weekly hours. */
export function closedReason(calendar: Calendar, at: Date): ClosedReason | null {
  if (isOpen(calendar, at)) return null;
  return isHoliday(calendar, localDate(calendar, at)) ? 'holiday' : 'non-working-hours';
}

/** `at` when open, else the next instant the calendar opens; null when it never does (no open day within a year). */
export function nextOpening(calendar: Calendar, at: Date): Date | null {
  const t = at.getTime();
  let date = localDate(calendar, at);
  for (let k = 0; k <= LOOKAHEAD_DAYS; k++, date = addDays(date, 1)) {
    const window = windowsOf(calendar, date).find((w) => w.end > t);
    if (window) return new Date(Math.max(window.start, t));
  }
  return null;
}

/** Seconds between `from` and `to` during which the calendar is open (0 when `to` is not after `from`). */
export function businessSecondsBetween(calendar: Calendar, from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  let total = 0;
  const last = isoDate(localDate(calendar, to));
  for (let date = localDate(calendar, from); ; date = addDays(date, 1)) {
    for (const w of windowsOf(calendar, date)) total += Math.max(0, Math.min(w.end, end) - Math.max(w.start, start));
    if (isoDate(date) >= last) break;
  }
  return total / 1000;
}

/**
 * The instant at which `seconds` of business time have passed since `from` (an SLA's due time):
 * a closed night or weekend does not count. Null when the calendar never opens again within a year.
 */
export function addBusinessSeconds(calendar: Calendar, from: Date, seconds: number): Date | null {
  let left = seconds * 1000;
  const start = from.getTime();
  let date = localDate(calendar, from);
  for (let k = 0; k <= LOOKAHEAD_DAYS; k++, date = addDays(date, 1)) {
    for (const w of windowsOf(calendar, date)) {
      if (w.end <= start) continue;
      const begin = Math.max(w.start, start);
      if (begin + left <= w.end) return new Date(begin + left);
      left -= w.end - begin;
    }
  }
  return null;
}
