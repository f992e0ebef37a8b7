import { describe, expect, it } from 'vitest';
import { addBusinessSeconds, businessSecondsBetween, closedReason, isOpen, nextOpening } from '@/lib/shared/hours/business-hours';
import { calendarSchema, type CalendarInput } from '@/lib/protocol/console/calendar';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const calendar = (input: Partial<CalendarInput> & { timeZone: string }) => calendarSchema.parse({ weekly: weekdays, ...input });
const at = (iso: string) => new Date(iso);

describe('a queue calendar in Europe/Berlin', () => {
  const berlin = calendar({ timeZone: 'Europe/Berlin', holidays: [{ date: '2026-12-25', name: 'Christmas' }] });

  it('is open during the weekly hours, local time, and closed outside them', () => {
    // Winter: UTC+1. Monday 2026-12-07.
    expect(isOpen(berlin, at('2026-12-07T08:00:00Z'))).toBe(true); // 09:00 local
    expect(isOpen(berlin, at('2026-12-07T07:59:59Z'))).toBe(false);
    expect(isOpen(berlin, at('2026-12-07T16:00:00Z'))).toBe(false); // 17:00 local: the end is exclusive
    expect(isOpen(berlin, at('2026-12-05T10:00:00Z'))).toBe(false); // Saturday
    expect(closedReason(berlin, at('2026-12-05T10:00:00Z'))).toBe('non-working-hours');
    expect(closedReason(berlin, at('2026-12-07T10:00:00Z'))).toBeNull();
  });

  it('is closed all the local day of a holiday, for that reason', () => {
    expect(closedReason(berlin, at('2026-12-25T10:00:00Z'))).toBe('holiday');
    expect(closedReason(berlin, at('2026-12-24T23:30:00Z'))).toBe('holiday'); // 00:30 on the 25th in Berlin
    expect(nextOpening(berlin, at('2026-12-25T10:00:00Z'))).toEqual(at('2026-12-28T08:00:00Z')); // Monday after
  });

  it('follows summer time: the same 09:00 is an hour earlier in UTC', () => {
    expect(isOpen(berlin, at('2026-07-06T07:00:00Z'))).toBe(true); // 09:00 CEST
    expect(isOpen(berlin, at('2026-07-06T15:00:00Z'))).toBe(false); // 17:00 CEST
  });

  it('counts business time across the spring-forward night as the clock shows it', () => {
    // 2026-03-29 (Sunday) 02:00 → 03:00. A calendar open all Sunday has 23 hours that day.
    const allSunday = calendar({ timeZone: 'Europe/Berlin', weekly: { sun: [{ start: '00:00', end: '24:00' }] } });
    expect(businessSecondsBetween(allSunday, at('2026-03-28T12:00:00Z'), at('2026-03-30T12:00:00Z'))).toBe(23 * 3600);
    // An interval starting in the skipped hour starts when the clock reads 03:30 (the same distance after the jump).
    const skipped = calendar({ timeZone: 'Europe/Berlin', weekly: { sun: [{ start: '02:30', end: '04:00' }] } });
    expect(nextOpening(skipped, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T01:30:00Z'));
  });

  it('counts the fall-back night’s repeated hour twice', () => {
    // 2026-10-25 (Sunday) 03:00 → 02:00: the day has 25 hours.
    const allSunday = calendar({ timeZone: 'Europe/Berlin', weekly: { sun: [{ start: '00:00', end: '24:00' }] } });
    expect(businessSecondsBetween(allSunday, at('2026-10-24T00:00:00Z'), at('2026-10-26T12:00:00Z'))).toBe(25 * 3600);
  });
});

describe('a queue calendar in America/New_York', () => {
  const newYork = calendar({ timeZone: 'America/New_York' });

  it('moves with the US transitions, which are not Europe’s', () => {
    // 2026-03-09 Monday: after US spring forward (Mar 8), EDT = UTC−4, while Europe is still on winter time.
    expect(isOpen(newYork, at('2026-03-09T13:00:00Z'))).toBe(true); // 09:00 EDT
    expect(isOpen(newYork, at('2026-03-09T12:59:59Z'))).toBe(false);
    // 2026-11-02 Monday: after fall back (Nov 1), EST = UTC−5.
    expect(isOpen(newYork, at('2026-11-02T13:30:00Z'))).toBe(false); // 08:30 EST
    expect(isOpen(newYork, at('2026-11-02T14:00:00Z'))).toBe(true);
  });

  it('sums business seconds over a week and a weekend', () => {
    // Friday 16:00 EST → Monday 10:00 EST: one hour on Friday, one on Monday.
    expect(businessSecondsBetween(newYork, at('2026-12-04T21:00:00Z'), at('2026-12-07T15:00:00Z'))).toBe(2 * 3600);
    // Across the fall-back weekend: Fri 2026-10-30 09:00 EDT → Mon 2026-11-02 17:00 EST: two full days.
    expect(businessSecondsBetween(newYork, at('2026-10-30T13:00:00Z'), at('2026-11-02T22:00:00Z'))).toBe(16 * 3600);
    expect(businessSecondsBetween(newYork, at('2026-12-07T15:00:00Z'), at('2026-12-07T15:00:00Z'))).toBe(0);
    expect(businessSecondsBetween(newYork, at('2026-12-08T15:00:00Z'), at('2026-12-07T15:00:00Z'))).toBe(0);
  });

  it('opens next at the start of the next interval, or now when open', () => {
    expect(nextOpening(newYork, at('2026-12-04T23:00:00Z'))).toEqual(at('2026-12-07T14:00:00Z')); // Fri 18:00 → Mon 09:00
    expect(nextOpening(newYork, at('2026-12-07T15:00:00Z'))).toEqual(at('2026-12-07T15:00:00Z'));
  });
});

describe('calendar shapes', () => {
  it('joins a shift past midnight written as two intervals', () => {
    const night = calendar({ timeZone: 'UTC', weekly: { mon: [{ start: '22:00', end: '24:00' }], tue: [{ start: '00:00', end: '06:00' }] } });
    expect(isOpen(night, at('2026-12-07T23:59:59Z'))).toBe(true);
    expect(isOpen(night, at('2026-12-08T00:00:00Z'))).toBe(true);
    expect(businessSecondsBetween(night, at('2026-12-07T00:00:00Z'), at('2026-12-09T00:00:00Z'))).toBe(8 * 3600);
  });

  it('never opens without open days', () => {
    const never = calendar({ timeZone: 'Asia/Shanghai', weekly: {} });
    expect(isOpen(never, at('2026-12-07T03:00:00Z'))).toBe(false);
    expect(nextOpening(never, at('2026-12-07T03:00:00Z'))).toBeNull();
  });

  it.each([
    ['an unknown zone', { timeZone: 'Mars/Olympus', weekly: {} }],
    ['25:00', { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '25:00' }] } }],
    ['an end before the start (overnight)', { timeZone: 'UTC', weekly: { mon: [{ start: '22:00', end: '06:00' }] } }],
    ['overlapping intervals', { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] } }],
    ['an unknown weekday', { timeZone: 'UTC', weekly: { monday: [] } }],
    ['a malformed holiday', { timeZone: 'UTC', weekly: {}, holidays: [{ date: '2026-02-30' }] }],
  ])('refuses %s', (_, input) => {
    expect(calendarSchema.safeParse(input).success).toBe(false);
  });
});

describe('addBusinessSeconds (an SLA due time)', () => {
  const berlin = calendar({ timeZone: 'Europe/Berlin', holidays: [{ date: '2026-12-25', name: 'Christmas' }] });

  it('adds the seconds straight on within open hours', () => {
    expect(addBusinessSeconds(berlin, at('2026-12-07T10:00:00Z'), 120)).toEqual(at('2026-12-07T10:02:00Z'));
  });

  it('skips the closed night: the rest counts from the next opening', () => {
    // Monday 16:50 local, 30 minutes: 10 today, 20 from Tuesday 09:00 local.
    expect(addBusinessSeconds(berlin, at('2026-12-07T15:50:00Z'), 30 * 60)).toEqual(at('2026-12-08T08:20:00Z'));
  });

  it('skips a closed weekend and a holiday, and starts counting at the opening when asked while closed', () => {
    expect(addBusinessSeconds(berlin, at('2026-12-05T10:00:00Z'), 60)).toEqual(at('2026-12-07T08:01:00Z')); // Saturday → Monday
    expect(addBusinessSeconds(berlin, at('2026-12-24T15:59:00Z'), 120)).toEqual(at('2026-12-28T08:01:00Z')); // Christmas, weekend
  });

  it('agrees with businessSecondsBetween', () => {
    const from = at('2026-12-04T14:00:00Z');
    const due = addBusinessSeconds(berlin, from, 5 * 3600)!;
    expect(businessSecondsBetween(berlin, from, due)).toBe(5 * 3600);
  });

  it('is null for a calendar that never opens', () => {
    expect(addBusinessSeconds(calendar({ timeZone: 'UTC', weekly: {} }), at('2026-12-07T10:00:00Z'), 60)).toBeNull();
  });
});
