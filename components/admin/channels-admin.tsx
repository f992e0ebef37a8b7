'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { consoleApi, type ChannelSettingsView } from '@/lib/protocol/console';
import { useAdminChannels, useAdminCommand } from '../api/admin';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';


type Kind = 'custom' | 'teams' | 'whatsapp';
interface Field {
  name: string;
  secret?: boolean;
  type?: 'url';
}

const FORMS: { kind: Kind; fields: Field[] }[] = [
  {
    kind: 'custom',
    fields: [{ name: 'webhookUrl', type: 'url' }, { name: 'token', secret: true }, { name: 'tokenUrl', type: 'url' }, { name: 'clientId' }, { name: 'clientSecret', secret: true }, { name: 'scope' }],
  },
  { kind: 'teams', fields: [{ name: 'appId' }, { name: 'appPassword', secret: true }] },
  { kind: 'whatsapp', fields: [{ name: 'endpoint', type: 'url' }, { name: 'accessKey', secret: true }, { name: 'channelId' }] },
];

export function ChannelsAdmin() {
  const t = useTranslations('admin');
  const channels = useAdminChannels();
  return (
    <section aria-labelledby="channels-admin" className="flex flex-col gap-4 rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900">
      <h2 id="channels-admin" className="font-semibold">{t('channels')}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('channelsExplain')}</p>
      {channels.data && FORMS.map((form) => <SettingsForm key={form.kind} kind={form.kind} fields={form.fields} current={channels.data[form.kind]} />)}
      {channels.data && <DirectLineSecrets current={channels.data.directline} />}
    </section>
  );
}

/** Empty fields keep what is stored; secrets show only their last characters and are replaced when typed. */
function SettingsForm({ kind, fields, current }: { kind: Kind; fields: Field[]; current: ChannelSettingsView[Kind] }) {
  const t = useTranslations('admin');
  const save = useAdminCommand(consoleApi.saveChannelSettings, (body: Record<string, string>) => ({ params: { kind }, body }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === 'string' && value.trim()) body[name] = value.trim();
    save.mutate(body);
  }
  return (
    <form onSubmit={submit} aria-label={t(`kinds.${kind}`)} className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-700">
      <h3 className="font-medium">{t(`kinds.${kind}`)}</h3>
      {current.fromEnvironment === true && <p className="text-xs text-slate-600 dark:text-slate-400">{t('environmentDefault')}</p>}
      <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
        {fields.map((field) => (
          <label key={field.name} className="flex flex-col gap-1">
            {t(`fields.${field.name}`)}
            <Input
              name={field.name}
              type={field.secret ? 'password' : field.type === 'url' ? 'url' : 'text'}
              autoComplete="off"
              defaultValue={field.secret ? '' : ((current[field.name] as string | undefined) ?? '')}
              placeholder={field.secret ? ((current[field.name] as string | undefined) ?? t('notSet')) : undefined} />
          </label>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button variant="primary" size="none" type="submit" disabled={save.isPending} className="px-3 py-1.5">
          {t(`save.${kind}`)}
        </Button>
        {save.isSuccess && <span role="status">{t('saved')}</span>}
        {save.error && <span role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={save.error} /></span>}
      </div>
    </form>
  );
}

function DirectLineSecrets({ current }: { current: ChannelSettingsView['directline'] }) {
  const t = useTranslations('admin');
  const [issued, setIssued] = useState<string | null>(null);
  const issue = useAdminCommand(consoleApi.issueDirectLineSecret, () => ({}));
  const revoke = useAdminCommand(consoleApi.revokeDirectLineSecret, (id: string) => ({ params: { id } }));
  return (
    <div className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-700">
      <h3 className="font-medium">{t('kinds.directline')}</h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('directLineExplain', { count: current.fromEnvironment })}</p>
      <ul aria-label={t('directLineSecrets')} className="flex flex-col gap-1">
        {current.secrets.map((secret) => (
          <li key={secret.id} className="flex items-center gap-3">
            <code>{secret.hint}</code>
            <span className="text-slate-600 dark:text-slate-400">{new Date(secret.createdAt).toLocaleString()}</span>
            <Button variant="inlineLink" onClick={() => revoke.mutate(secret.id)}>
              {t('revoke', { hint: secret.hint })}
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-3">
        <Button variant="primary" disabled={issue.isPending} onClick={() => issue.mutate(undefined, { onSuccess: (result) => setIssued(result.secret) })} size="none" className="px-3 py-1.5">
          {t('newSecret')}
        </Button>
      </div>
      {issued && (
        <p role="status" className="rounded bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {t('shownOnce')} <code aria-label={t('newSecretValue')}>{issued}</code>
        </p>
      )}
      {(issue.error ?? revoke.error) && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={issue.error ?? revoke.error} /></p>}
    </div>
  );
}
