'use client';

import { useTranslations } from 'next-intl';
import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/** Keys and what they do (a message of the `shortcuts` namespace). */
const SHORTCUTS = [
  ['Alt+J', 'next'],
  ['Alt+K', 'previous'],
  ['Enter', 'send'],
  ['Shift+Enter', 'newLine'],
  ['Ctrl+K / ⌘K', 'palette'],
  ['/', 'canned'],
  ['Alt+L', 'labels'],
  ['?', 'show'],
  ['Escape', 'hide'],
] as const;

const typingInField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `?` opens the list of keyboard shortcuts (not while typing in a field); so can the command palette. */
export function ShortcutSheet({ open, setOpen }: { open: boolean; setOpen: Dispatch<SetStateAction<boolean>> }) {
  const t = useTranslations('shortcuts');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
      else if (event.key === '?' && !typingInField(event.target)) setOpen((current) => !current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);
  if (!open) return null;
  return (
    <Dialog title={t('title')} onClose={() => setOpen(false)} className="w-80 p-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 dark:border-slate-600 px-1">{keys}</kbd>
            </dt>
            <dd>{t(action)}</dd>
          </div>
        ))}
      </dl>
      <Button variant="secondary" size="sm" onClick={() => setOpen(false)} className="mt-3">
        {t('close')}
      </Button>
    </Dialog>
  );
}
