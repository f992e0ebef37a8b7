'use client';

import type { ReactNode, Ref } from 'react';

/** A composer tool button that opens and closes a popup (a menu or a dialog) above it. */
export function PopupButton({
  ref,
  popup,
  open,
  onToggle,
  disabled = false,
  children,
}: {
  ref: Ref<HTMLButtonElement>;
  popup: 'menu' | 'dialog';
  open: boolean;
  onToggle: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      ref={ref}
      type="button"
      disabled={disabled}
      aria-haspopup={popup}
      aria-expanded={open}
      onClick={onToggle}
      className="w-full rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      {children}
    </button>
  );
}
