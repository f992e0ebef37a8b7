'use client';

import { useEffect, useRef, type SyntheticEvent } from 'react';

/** A native `<dialog>` shown modal while mounted; Escape calls `onClose` instead of closing it behind React's back. */
export function useModal(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    onClose();
  };
  return { ref, onCancel };
}
