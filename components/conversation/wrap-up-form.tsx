'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useAddWrapUp } from '../api/conversation-commands';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';

/** After `End conversation`: an optional wrap-up note for the team (never sent to the customer). */
export function WrapUpForm({ conversationId }: { conversationId: string }) {
  const wrapUp = useAddWrapUp();
  const [note, setNote] = useState('');
  const t = useTranslations('wrapUp');
  if (wrapUp.isSuccess) return <p className="border-t border-slate-200 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{t('saved')}</p>;
  return (
    <form
      className="flex items-end gap-2 border-t border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
      onSubmit={(event) => {
        event.preventDefault();
        if (note.trim()) wrapUp.mutate({ conversationId, note: note.trim() });
      }}
    >
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
        <span>{t('label')}</span>
        <Textarea
          value={note}
          maxLength={4000}
          rows={2}
          onChange={(event) => setNote(event.target.value)} />
      </label>
      <Button variant="primary" type="submit" disabled={wrapUp.isPending || !note.trim()}>
        {t('save')}
      </Button>
      {wrapUp.error && <span role="alert" className="text-sm text-red-700"><ErrorMessage error={wrapUp.error} /></span>}
    </form>
  );
}
