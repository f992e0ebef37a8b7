import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { DATE_TIME_STYLES } from '@/components/ui/date-time';

describe('dates and times in the console', () => {
  const moment = new Date('2026-03-07T15:04:05Z');
  const formatted = (locale: string) => {
    const format = createFormatter({ locale, timeZone: 'UTC' });
    return (style: keyof typeof DATE_TIME_STYLES) => format.dateTime(moment, DATE_TIME_STYLES[style]);
  };

  it('read in English as the browser’s toLocale…String() did', () => {
    const english = formatted('en');
    expect(english('time')).toBe(moment.toLocaleTimeString('en-US', { timeZone: 'UTC' }));
    expect(english('date')).toBe(moment.toLocaleDateString('en-US', { timeZone: 'UTC' }));
    expect(english('dateTime')).toBe(moment.toLocaleString('en-US', { timeZone: 'UTC' }));
  });

  it('read in Simplified Chinese the Chinese way (24-hour clock, year first)', () => {
    const chinese = formatted('zh-CN');
    expect(chinese('time')).toBe('15:04:05');
    expect(chinese('date')).toBe('2026/3/7');
    expect(chinese('dateTime')).toBe('2026/3/7 15:04:05');
  });
});
