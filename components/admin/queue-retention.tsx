'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { consoleApi, type AdminQueue } from '@/lib/protocol/console';
import { useAdminCommand } from '../api/admin';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';

/**
 * How long the queue's closed conversations are kept before the worker erases them: days, or empty
 * for the environment's default (CONVERSATION_RETENTION_DAYS; unset: forever), which is shown.
 */
export function QueueRetention({ queue }: { queue: AdminQueue }) {
  const t = useTranslations('admin');
  const [days, setDays] = useState(queue.retentionDays === null ? '' : String(queue.retentionDays));
  const save = useAdminCommand(consoleApi.updateQueue, (retentionDays: number | null) => ({ params: { id: queue.id }, body: { retentionDays } }));
  const fallback = queue.retentionDefaultDays === null ? t('retentionForever') : t('retentionDays', { days: queue.retentionDefaultDays });
  return (
    <form
      aria-label={t('retentionOf', { name: queue.name })}
      className="mt-2 flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(days.trim() === '' ? null : Number(days));
      }}
    >
      <label className="flex flex-col">
        {t('retention')}
        <Input type="number" min={1} step={1} value={days} placeholder={fallback} onChange={(event) => setDays(event.target.value)} className="w-36" />
      </label>
      <span className="pb-1 text-slate-500 dark:text-slate-400">{t('retentionDefault', { fallback })}</span>
      <Button type="submit" variant="secondary" size="none" disabled={save.isPending} className="px-2 py-1">
        {t('saveRetention')}
      </Button>
      {save.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={save.error} /></p>}
    </form>
  );
}
