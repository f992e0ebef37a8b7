'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { consoleApi, type AdminQueue, type QueueBotChange } from '@/lib/protocol/console';
import { useAdminCommand } from '../api/admin';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { CheckBotButton } from './bots-admin';

type Mode = AdminQueue['bot']['mode'];

/** Which bot answers the queue's customers first: the environment's, the queue's own (endpoint and app id), or none. */
export function QueueBot({ queue }: { queue: AdminQueue }) {
  const t = useTranslations('admin.queueBot');
  const [mode, setMode] = useState<Mode>(queue.bot.mode);
  const save = useAdminCommand(consoleApi.updateQueue, (bot: QueueBotChange) => ({ params: { id: queue.id }, body: { bot } }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate(mode === 'own' ? { mode, endpoint: String(form.get('endpoint') ?? '').trim(), appId: String(form.get('appId') ?? '').trim() } : { mode });
  }
  const current = queue.bot.endpoint && queue.bot.appId ? { endpoint: queue.bot.endpoint, appId: queue.bot.appId } : null;
  return (
    <form onSubmit={submit} aria-label={t('title', { name: queue.name })} className="mt-2 flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          {t('mode')}
          <Select name="mode" value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
            {(['environment', 'own', 'none'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`modes.${value}`)}
              </option>
            ))}
          </Select>
        </label>
        {mode === 'own' && (
          <>
            <label className="flex flex-col text-sm">
              {t('endpoint')}
              <Input name="endpoint" type="url" required autoComplete="off" defaultValue={queue.bot.mode === 'own' ? (queue.bot.endpoint ?? '') : ''} className="w-80" />
            </label>
            <label className="flex flex-col text-sm">
              {t('appId')}
              <Input name="appId" required autoComplete="off" defaultValue={queue.bot.mode === 'own' ? (queue.bot.appId ?? '') : ''} />
            </label>
          </>
        )}
        <Button type="submit" variant="secondary" size="none" disabled={save.isPending} className="px-2 py-1">
          {t('save', { name: queue.name })}
        </Button>
      </div>
      {queue.bot.mode !== 'none' && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {current ? t('answersFirst', { appId: current.appId, endpoint: current.endpoint }) : t('environmentUnset')}
        </p>
      )}
      {queue.bot.mode !== 'none' && current && <CheckBotButton target={current} />}
      {save.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={save.error} /></p>}
    </form>
  );
}
