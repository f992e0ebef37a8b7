'use client';

import { useId, type ReactNode } from 'react';
import { useModal } from './use-modal';

/**
 * A modal `dialog` (native: focus trapping, Escape and the inert page come from the browser), named by
 * its visible title, or by `label` when it has none. A click on the backdrop closes it when asked to.
 */
export function Dialog({
  title,
  label,
  onClose,
  closeOnBackdrop = false,
  className = 'w-full max-w-md p-4',
  children,
}: {
  title?: string;
  label?: string;
  onClose: () => void;
  closeOnBackdrop?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { ref, onCancel } = useModal(onClose);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={title ? titleId : undefined}
      aria-label={title ? undefined : label}
      onCancel={onCancel}
      onClick={closeOnBackdrop ? (event) => event.target === ref.current && onClose() : undefined}
      className={`m-auto rounded-lg border border-slate-200 bg-white text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${className}`}
    >
      {title && (
        <h2 id={titleId} className="mb-3 text-lg font-semibold">
          {title}
        </h2>
      )}
      {children}
    </dialog>
  );
}
