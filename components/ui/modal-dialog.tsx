'use client';

import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import { Dialog } from './dialog';
import { Button } from './button';
import { Select, Textarea } from './field';

/**
 * A dialog (components/ui/dialog.tsx) holding a form whose confirming button carries `confirm` as its name.
 */
export function ModalDialog({
  title,
  confirm,
  busy = false,
  error,
  danger = false,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirm: string;
  busy?: boolean;
  /** A refusal of the form's own (a string) or the server's (an `ErrorMessage`). */
  error?: ReactNode;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useTranslations('dialogs');
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        {children}
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={busy}>
            {confirm}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** A labelled textarea for a dialog's optional note. */
export function NoteField({ label, value, onChange, placeholder }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id}>{label}</label>
      <Textarea
        id={id}
        value={value}
        maxLength={2000}
        rows={3}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** A labelled `select` for a dialog, starting with a "Choose…" option. */
export function ChoiceField({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  const t = useTranslations('dialogs');
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id}>{label}</label>
      <Select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('choose')}</option>
        {children}
      </Select>
    </div>
  );
}
