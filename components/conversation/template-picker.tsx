'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { MessageTemplateView, TemplateMessage } from '@/lib/views/types';
import { useTemplates } from '../api/templates';
import { ErrorMessage } from '@/components/ui/error-text';
import { Input, Select } from '@/components/ui/field';

/** The template with its parameters filled in, as the customer will read it. */
export function renderTemplate(template: MessageTemplateView, parameters: string[]): string {
  return template.body.replace(/\{\{(\d+)\}\}/g, (whole, number: string) => parameters[Number(number) - 1] || whole);
}

export interface ChosenTemplate {
  template: TemplateMessage;
  /** What the transcript shows. */
  text: string;
}

/** Picks an approved template of the conversation's channel and fills in its parameters; `onChange` gets null until it is complete. */
export function TemplatePicker({ conversationId, onChange }: { conversationId: string; onChange: (chosen: ChosenTemplate | null) => void }) {
  const t = useTranslations('composer');
  const templates = useTemplates(conversationId);
  const [selected, setSelected] = useState(0);
  const [parameters, setParameters] = useState<string[]>([]);
  const template = templates.data?.items[selected] ?? null;
  const complete = template !== null && parameters.length >= template.parameters && parameters.slice(0, template.parameters).every((value) => value.trim());
  const text = template ? renderTemplate(template, parameters) : '';
  useEffect(() => {
    onChange(template && complete ? { template: { name: template.name, language: template.language, parameters: parameters.slice(0, template.parameters).map((value) => value.trim()) }, text } : null);
    // onChange is the caller's setter; re-run only when the choice changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [template, complete, text]);
  if (templates.isPending) return null;
  if (templates.error) return <p role="alert" className="text-sm text-red-700 dark:text-red-400"><ErrorMessage error={templates.error} /></p>;
  if (!templates.data.items.length) return <p className="text-sm">{t('templateNone')}</p>;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <label className="flex flex-col gap-1">
        <span>{t('template')}</span>
        <Select
          value={selected}
          onChange={(event) => {
            setSelected(Number(event.target.value));
            setParameters([]);
          }}

        >
          {templates.data.items.map((item, index) => (
            <option key={`${item.name}:${item.language}`} value={index}>
              {item.name} ({item.language})
            </option>
          ))}
        </Select>
      </label>
      {template &&
        Array.from({ length: template.parameters }, (_, index) => (
          <label key={index} className="flex flex-col gap-1">
            <span>{t('templateParameter', { number: index + 1 })}</span>
            <Input
              value={parameters[index] ?? ''}
              onChange={(event) => setParameters((all) => Object.assign([...all], { [index]: event.target.value }))} />
          </label>
        ))}
      {template && (
        <figure>
          <figcaption className="text-xs text-slate-500 dark:text-slate-400">{t('templatePreview')}</figcaption>
          <p aria-label={t('templatePreview')} className="whitespace-pre-wrap rounded bg-slate-100 p-2 dark:bg-slate-800">
            {text}
          </p>
        </figure>
      )}
    </div>
  );
}
