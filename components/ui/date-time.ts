'use client';

import { useFormatter, type DateTimeFormatOptions } from 'next-intl';

export type DateTimeStyle = 'time' | 'date' | 'dateTime';

/** What `toLocaleTimeString()`, `toLocaleDateString()` and `toLocaleString()` show, in the console's language. */
export const DATE_TIME_STYLES: Record<DateTimeStyle, DateTimeFormatOptions> = {
  time: { hour: 'numeric', minute: 'numeric', second: 'numeric' },
  date: { year: 'numeric', month: 'numeric', day: 'numeric' },
  dateTime: { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
};

/**
 * Formats a moment for the rep: the console's language, the browser's time zone (next-intl's
 * provider carries the server's). For data fetched in the browser, never for server-rendered text.
 */
export function useDateTime(): (value: string | number | Date, style: DateTimeStyle) => string {
  const format = useFormatter();
  return (value, style) => format.dateTime(new Date(value), { ...DATE_TIME_STYLES[style], timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
}
