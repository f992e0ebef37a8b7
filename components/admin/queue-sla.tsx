'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { consoleApi, type AdminQueue } from '@/lib/protocol/console';
import { useAdminCommand } from '../api/admin';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';

type Targets = { firstResponseTargetSeconds: number | null; nextResponseTargetSeconds: number | null };

/** Minutes typed by the admin as seconds for the API; empty: no target. */
const seconds = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? null : Math.round(Number(value) * 60));
const minutes = (value: number | null) => (value === null ? '' : String(value / 60));

/** The queue's SLA targets in minutes of business hours (docs/metrics.md); empty removes one. */
export function QueueSla({ queue }: { queue: AdminQueue }) {
  const t = useTranslations('admin');
  const save = useAdminCommand(consoleApi.updateQueue, (targets: Targets) => ({ params: { id: queue.id }, body: targets }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({ firstResponseTargetSeconds: seconds(form.get('first')), nextResponseTargetSeconds: seconds(form.get('next')) });
  }
  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2" aria-label={t('slaTargets', { name: queue.name })}>
      <label className="flex flex-col text-sm">
        {t('firstResponseTarget')}
        <Input name="first" type="number" min={1} step="any" defaultValue={minutes(queue.firstResponseTargetSeconds)} className="w-28" />
      </label>
      <label className="flex flex-col text-sm">
        {t('nextResponseTarget')}
        <Input name="next" type="number" min={1} step="any" defaultValue={minutes(queue.nextResponseTargetSeconds)} className="w-28" />
      </label>
      <Button type="submit" variant="secondary" size="none" disabled={save.isPending} className="px-2 py-1">
        {t('saveSla')}
      </Button>
      {save.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={save.error} /></p>}
    </form>
  );
}
