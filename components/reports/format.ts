'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { Bucket } from './report-filter';

/** Localised figures: durations (from seconds), shares, ratings and bucket labels (UTC, as the report is). */
export function useReportFormat() {
  const t = useTranslations('reports.format');
  const format = useFormatter();
  const duration = (seconds: number | null | undefined) => {
    if (seconds === null || seconds === undefined) return t('none');
    const whole = Math.round(seconds);
    if (whole < 60) return t('seconds', { s: whole });
    if (whole < 3600) return t('minutes', { m: Math.floor(whole / 60), s: whole % 60 });
    return t('hours', { h: Math.floor(whole / 3600), m: Math.floor((whole % 3600) / 60) });
  };
  const share = (value: number | null) => (value === null ? t('none') : format.number(value, { style: 'percent', maximumFractionDigits: 1 }));
  const rating = (value: number | null) => (value === null ? t('none') : format.number(value, { maximumFractionDigits: 2 }));
  const bucket = (start: string, size: Bucket) =>
    format.dateTime(new Date(start), size === 'day' ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });
  const instant = (value: string | null) => (value === null ? t('none') : format.dateTime(new Date(value), { dateStyle: 'short', timeStyle: 'short' }));
  return { duration, share, rating, bucket, instant };
}
