'use client';

import type { ReactNode, Ref } from 'react';
import { Button } from './button';

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
    <Button
      ref={ref}
      variant="secondary"
      size="sm"
      disabled={disabled}
      aria-haspopup={popup}
      aria-expanded={open}
      onClick={onToggle}
      className="w-full"
    >
      {children}
    </Button>
  );
}
