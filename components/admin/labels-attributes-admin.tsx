'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { consoleApi, type ContactAttributeView } from '@/lib/protocol/console';
import { useContactAttributes, useDefine, useLabels } from '../api/contacts';
import { callConsole } from '../api/fetch-json';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-text';
import { Input, Select } from '@/components/ui/field';
import { LabelChips } from '../conversation/label-picker';

const TYPES: ContactAttributeView['type'][] = ['text', 'number', 'date', 'boolean', 'choice'];

/** Labels reps put on conversations: name and colour. */
export function LabelsAdmin() {
  const t = useTranslations('admin');
  const labels = useLabels();
  const create = useDefine((body: { name: string; colour: string }) => callConsole(consoleApi.createLabel, { body }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate({ name: String(data.get('name')), colour: String(data.get('colour')) }, { onSuccess: () => form.reset() });
  }
  return (
    <section aria-labelledby="labels-admin" className="rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900">
      <h2 id="labels-admin" className="mb-2 font-semibold">{t('labels')}</h2>
      <LabelChips labels={labels.data ?? []} />
      <form onSubmit={submit} className="mt-3 flex items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          {t('labelName')}
          <Input name="name" required maxLength={40} />
        </label>
        <label className="flex flex-col gap-1">
          {t('labelColour')}
          <input name="colour" type="color" defaultValue="#4f46e5" className="h-8 w-12" />
        </label>
        <Button variant="primary" size="none" type="submit" disabled={create.isPending} className="px-3 py-1.5">
          {t('createLabel')}
        </Button>
        {create.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={create.error} /></p>}
      </form>
    </section>
  );
}

/** Custom contact attributes: key, label, type (and the options of a list). */
export function ContactAttributesAdmin() {
  const t = useTranslations('admin');
  const attributes = useContactAttributes();
  const create = useDefine((body: { key: string; label: string; type: ContactAttributeView['type']; options: string[] }) =>
    callConsole(consoleApi.createContactAttribute, { body }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const type = String(data.get('type')) as ContactAttributeView['type'];
    const options = type === 'choice' ? String(data.get('options')).split(',').map((o) => o.trim()).filter(Boolean) : [];
    create.mutate({ key: String(data.get('key')), label: String(data.get('label')), type, options }, { onSuccess: () => form.reset() });
  }
  return (
    <section aria-labelledby="attributes-admin" className="rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900">
      <h2 id="attributes-admin" className="mb-2 font-semibold">{t('contactAttributes')}</h2>
      <ul className="text-sm">
        {attributes.data?.map((a) => (
          <li key={a.id}>
            {a.label} <code className="text-xs">{a.key}</code> · {t(`attributeType.${a.type}`)}
            {a.options.length > 0 && ` (${a.options.join(', ')})`}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          {t('attributeKey')}
          <Input name="key" required pattern="[a-z][a-z0-9_]{0,39}" />
        </label>
        <label className="flex flex-col gap-1">
          {t('attributeLabel')}
          <Input name="label" required maxLength={80} />
        </label>
        <label className="flex flex-col gap-1">
          {t('attributeTypeLabel')}
          <Select name="type" defaultValue="text" className="px-1 py-1">
            {TYPES.map((type) => <option key={type} value={type}>{t(`attributeType.${type}`)}</option>)}
          </Select>
        </label>
        <label className="flex flex-col gap-1">
          {t('attributeOptions')}
          <Input name="options" />
        </label>
        <Button variant="primary" size="none" type="submit" disabled={create.isPending} className="px-3 py-1.5">
          {t('createAttribute')}
        </Button>
        {create.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={create.error} /></p>}
      </form>
    </section>
  );
}
