'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { consoleApi, type AdminQueue } from '@/lib/protocol/console';
import { WEEKDAYS, type CalendarInput } from '@/lib/protocol/console/calendar';
import { useAdminCommand } from '../api/admin';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Input, Select, Textarea } from '@/components/ui/field';

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

/** "09:00-12:00, 13:00-17:30" ⇄ intervals; what does not read as a range goes as it is, for the server to refuse by name. */
const intervalsText = (intervals: { start: string; end: string }[] = []) => intervals.map((i) => `${i.start}-${i.end}`).join(', ');
const readIntervals = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = part, end = ''] = part.split(/\s*[-–]\s*/);
      return { start, end };
    });

const holidaysText = (holidays: { date: string; name?: string }[] = []) => holidays.map((h) => [h.date, h.name].filter(Boolean).join(' ')).join('\n');
const readHolidays = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [date = line, ...name] = line.split(/\s+/);
      return name.length > 0 ? { date, name: name.join(' ') } : { date };
    });

/** A queue's business hours and away message, saved together. */
export function QueueHours({ queue }: { queue: AdminQueue }) {
  const t = useTranslations('admin');
  const [alwaysOpen, setAlwaysOpen] = useState(queue.calendar === null);
  const save = useAdminCommand(consoleApi.setQueueHours, (body: { calendar: CalendarInput | null; awayMessage: string | null }) => ({
    params: { id: queue.id },
    body,
  }));
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const awayMessage = String(form.get('awayMessage') ?? '').trim() || null;
    const calendar: CalendarInput | null = alwaysOpen
      ? null
      : {
          timeZone: String(form.get('timeZone')),
          weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, readIntervals(String(form.get(day) ?? ''))])),
          holidays: readHolidays(String(form.get('holidays') ?? '')),
        };
    save.mutate({ calendar, awayMessage });
  }
  return (
    <details className="mt-2">
      <summary className="cursor-pointer">{t('hours.title')}</summary>
      <form onSubmit={submit} className="mt-2 flex flex-col gap-2">
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={alwaysOpen} onChange={(event) => setAlwaysOpen(event.target.checked)} />
          {t('hours.alwaysOpen')}
        </label>
        {!alwaysOpen && (
          <>
            <label className="flex flex-col gap-1">
              {t('hours.timeZone')}
              <Select name="timeZone" defaultValue={queue.calendar?.timeZone ?? browserZone}>
                {ZONES.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </Select>
            </label>
            <p className="text-xs text-slate-600 dark:text-slate-400">{t('hours.intervalsHint')}</p>
            <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1">
              {WEEKDAYS.map((day) => (
                <label key={day} className="contents">
                  <span>{t(`hours.weekdays.${day}`)}</span>
                  <Input name={day} defaultValue={intervalsText(queue.calendar?.weekly[day])} placeholder="09:00-17:30" maxLength={200} />
                </label>
              ))}
            </div>
            <label className="flex flex-col gap-1">
              {t('hours.holidays')}
              <span className="text-xs text-slate-600 dark:text-slate-400">{t('hours.holidaysHint')}</span>
              <Textarea name="holidays" rows={3} defaultValue={holidaysText(queue.calendar?.holidays)} placeholder="2026-12-25 Christmas" />
            </label>
          </>
        )}
        <label className="flex flex-col gap-1">
          {t('hours.awayMessage')}
          <Textarea name="awayMessage" rows={2} maxLength={1000} defaultValue={queue.awayMessage ?? ''} />
        </label>
        <Button variant="secondary" size="none" type="submit" disabled={save.isPending} className="self-start px-2 py-1">
          {t('hours.save', { name: queue.name })}
        </Button>
        {save.isSuccess && <p role="status">{t('saved')}</p>}
        {save.error && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            <ErrorMessage error={save.error} />
          </p>
        )}
      </form>
    </details>
  );
}
