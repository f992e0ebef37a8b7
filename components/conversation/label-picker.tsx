'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ConversationSummary, LabelView } from '@/lib/protocol/console';
import { useLabels, useSetLabel } from '../api/contacts';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { ErrorMessage } from '../ui/error-text';

/** A label as a coloured chip (inbox rows, the conversation header). */
export function LabelChips({ labels }: { labels: LabelView[] }) {
  if (labels.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {labels.map((label) => (
        <span key={label.id} className="inline-flex items-center gap-1 rounded-full border border-slate-200 px-1.5 text-xs dark:border-slate-700">
          <span aria-hidden="true" className="h-2 w-2 rounded-full" style={{ backgroundColor: label.colour }} />
          {label.name}
        </span>
      ))}
    </span>
  );
}

/** The conversation's labels and the picker to change them: the button, or Alt+L anywhere in the console. */
export function ConversationLabels({ conversation }: { conversation: ConversationSummary }) {
  const t = useTranslations('labels');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.code !== 'KeyL') return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="mt-1 flex items-center gap-2">
      <span aria-label={t('onConversation')} role="group">
        <LabelChips labels={conversation.labels} />
      </span>
      <Button variant="link" size="none" onClick={() => setOpen(true)} aria-keyshortcuts="Alt+L" className="text-xs">
        {t('edit')}
      </Button>
      {open && <LabelPicker conversation={conversation} onClose={() => setOpen(false)} />}
    </div>
  );
}

function LabelPicker({ conversation, onClose }: { conversation: ConversationSummary; onClose: () => void }) {
  const t = useTranslations('labels');
  const labels = useLabels();
  const setLabel = useSetLabel(conversation.id);
  // What the rep just ticked shows at once; the server's answer (and its event) then confirm it.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const on = new Set(conversation.labels.map((label) => label.id));
  const toggle = (labelId: string, checked: boolean) => {
    setTicked((current) => ({ ...current, [labelId]: checked }));
    setLabel.mutate(
      { labelId, on: checked },
      {
        onSettled: () =>
          setTicked((current) => {
            const rest = { ...current };
            delete rest[labelId];
            return rest;
          }),
      },
    );
  };
  return (
    <Dialog title={t('pickerTitle')} onClose={onClose} className="w-72 p-4">
      {labels.data?.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">{t('noneDefined')}</p>}
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="sr-only">{t('pickerTitle')}</legend>
        {labels.data?.map((label) => (
          <label key={label.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={ticked[label.id] ?? on.has(label.id)}
              onChange={(event) => toggle(label.id, event.target.checked)}
            />
            <span aria-hidden="true" className="h-2 w-2 rounded-full" style={{ backgroundColor: label.colour }} />
            {label.name}
          </label>
        ))}
      </fieldset>
      {setLabel.error && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400"><ErrorMessage error={setLabel.error} /></p>}
      <Button variant="secondary" size="sm" onClick={onClose} className="mt-3">
        {t('close')}
      </Button>
    </Dialog>
  );
}
