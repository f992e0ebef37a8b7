'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { consoleApi, type BotCheckInput, type BotCheckResult, type SigningKeysView } from '@/lib/protocol/console';
import { useAdminBotKeys, useAdminCommand, useCheckBot } from '../api/admin';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { useDateTime } from '@/components/ui/date-time';
import { ErrorMessage } from '@/components/ui/error-text';
import { Input } from '@/components/ui/field';

/** The console as a bot's channel: what a bot must be told, a check of a bot, and the signing keys. */
export function BotsAdmin() {
  const t = useTranslations('admin.bots');
  const keys = useAdminBotKeys();
  return (
    <section aria-labelledby="bots-admin" className="flex flex-col gap-4 rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900">
      <h2 id="bots-admin" className="font-semibold">{t('title')}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('explain')}</p>
      {keys.data && <BotSettingsToCopy view={keys.data} />}
      <CheckBotForm />
      {keys.data && <SigningKeys view={keys.data} />}
      {keys.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={keys.error} /></p>}
    </section>
  );
}

function BotSettingsToCopy({ view }: { view: SigningKeysView }) {
  const t = useTranslations('admin.bots');
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-600 dark:text-slate-400">{t('issuer')}</dt>
      <dd><code>{view.issuer}</code></dd>
      <dt className="text-slate-600 dark:text-slate-400">{t('openIdMetadataUrl')}</dt>
      <dd><code>{view.openIdMetadataUrl}</code></dd>
    </dl>
  );
}

/** Sends the bot a signed activity and shows how it answered. */
function CheckBotForm() {
  const t = useTranslations('admin.bots');
  const check = useCheckBot();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    check.mutate({ endpoint: String(form.get('endpoint') ?? '').trim(), appId: String(form.get('appId') ?? '').trim() });
  }
  return (
    <form onSubmit={submit} aria-label={t('checkTitle')} className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-700">
      <h3 className="font-medium">{t('checkTitle')}</h3>
      <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
        <label className="flex flex-col gap-1">
          {t('endpoint')}
          <Input name="endpoint" type="url" required autoComplete="off" placeholder="https://bot.example.com/api/messages" />
        </label>
        <label className="flex flex-col gap-1">
          {t('appId')}
          <Input name="appId" required autoComplete="off" />
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button variant="primary" size="none" type="submit" disabled={check.isPending} className="px-3 py-1.5">
          {t('check')}
        </Button>
        {check.data && <CheckResult result={check.data} />}
        {check.error && <span role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={check.error} /></span>}
      </div>
    </form>
  );
}

/** Checks a configured bot (a queue's): the same check, for the endpoint and app id already saved. */
export function CheckBotButton({ target }: { target: BotCheckInput }) {
  const t = useTranslations('admin.bots');
  const check = useCheckBot();
  return (
    <div className="flex items-center gap-3 text-sm">
      <Button variant="secondary" size="none" disabled={check.isPending} onClick={() => check.mutate(target)} className="px-2 py-1">
        {t('check')}
      </Button>
      {check.data && <CheckResult result={check.data} />}
      {check.error && <span role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={check.error} /></span>}
    </div>
  );
}

function CheckResult({ result }: { result: BotCheckResult }) {
  const t = useTranslations('admin.bots');
  const good = result.outcome === 'accepted';
  return (
    <span role="status" className={good ? 'text-green-800 dark:text-green-300' : 'text-red-700 dark:text-red-400'}>
      {t(`outcomes.${result.outcome}`, { status: result.status ?? 0 })}
    </span>
  );
}

function SigningKeys({ view }: { view: SigningKeysView }) {
  const t = useTranslations('admin.bots');
  const formatted = useDateTime();
  const rotate = useAdminCommand(consoleApi.rotateBotSigningKey, () => ({}));
  return (
    <div className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-700">
      <h3 className="font-medium">{t('keysTitle')}</h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('keysExplain')}</p>
      <DataTable
        label={t('keysTitle')}
        rows={view.keys}
        rowKey={(key) => key.kid}
        columns={[
          { header: t('kid'), cell: (key) => <code className="break-all">{key.kid}</code> },
          { header: t('state'), cell: (key) => t(`states.${key.state}`) },
          { header: t('activatesAt'), cell: (key) => formatted(key.activatesAt, 'dateTime') },
          { header: t('retiresAt'), cell: (key) => (key.retiresAt ? formatted(key.retiresAt, 'dateTime') : '—') },
        ]}
      />
      <div className="flex items-center gap-3">
        <Button variant="primary" size="none" disabled={rotate.isPending} onClick={() => rotate.mutate()} className="px-3 py-1.5">
          {t('rotate')}
        </Button>
        {rotate.isSuccess && <span role="status">{t('rotated')}</span>}
        {rotate.error && <span role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={rotate.error} /></span>}
      </div>
    </div>
  );
}
