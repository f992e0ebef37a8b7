'use client';

import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import { useModal } from './use-modal';

/**
 * A modal `dialog` (native, so focus trapping, Escape and the inert page come from the browser),
 * named by its title, with a form whose confirming button carries `confirm` as its name.
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
  const { ref, onCancel } = useModal(onClose);
  const titleId = useId();
  const t = useTranslations('dialogs');
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={onCancel}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form
        className="flex flex-col gap-3 p-4"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            {t('cancel')}
          </button>
          <button
            type="submit"
            disabled={busy}
            className={`rounded px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${danger ? 'bg-red-700 hover:bg-red-800' : 'bg-indigo-600 hover:bg-indigo-700'}`}
          >
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A labelled textarea for a dialog's optional note. */
export function NoteField({ label, value, onChange, placeholder }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        maxLength={2000}
        rows={3}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
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
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
      >
        <option value="">{t('choose')}</option>
        {children}
      </select>
    </div>
  );
}
