'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type KeyboardEvent } from 'react';
import { fillPlaceholders, slashQueryAt } from './canned-text';
import type { CannedResponseView } from '@/lib/views/types';
import { useCannedResponses } from '../api/canned-responses';
import { OptionList, optionId } from '../ui/option-list';

interface SlashAt {
  start: number;
  end: number;
  query: string;
}

/** Shortcut prefix matches first, then titles containing the query. */
function matching(items: CannedResponseView[], query: string): CannedResponseView[] {
  const q = query.toLowerCase();
  const byShortcut = items.filter((item) => item.shortcut.toLowerCase().startsWith(q));
  const byTitle = items.filter((item) => !byShortcut.includes(item) && item.title.toLowerCase().includes(q));
  return [...byShortcut, ...byTitle];
}

/**
 * `/` at the start of the message or after whitespace lists the canned responses matching what
 * follows; arrows move, Enter or Tab (or a click) inserts with `{customer}` filled, Escape closes.
 */
export function useCannedMenu(customer: string, replace: (start: number, end: number, value: string) => void) {
  const responses = useCannedResponses();
  const listId = useId();
  const t = useTranslations('composer');
  const [at, setAt] = useState<SlashAt | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const matches = at ? matching(responses.data?.items ?? [], at.query) : [];
  const open = at !== null && dismissed !== at.start && matches.length > 0;
  const current = Math.min(active, Math.max(matches.length - 1, 0));

  function choose(item: CannedResponseView) {
    if (!at) return;
    replace(at.start, at.end, fillPlaceholders(item.text, { customer }));
    setAt(null);
  }

  return {
    open,
    /** Follows the caret: call after every change, click or caret move in the message. */
    track(text: string, caret: number) {
      const found = slashQueryAt(text, caret);
      if (found?.query !== at?.query || found?.start !== at?.start) setActive(0);
      if (!found) setDismissed(null);
      setAt(found && { ...found, end: caret });
    },
    /** Whether the key belonged to the open list (then it must not send or type). */
    onKeyDown(event: KeyboardEvent): boolean {
      if (!open || !at) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + matches.length) % matches.length);
      } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        choose(matches[current]!);
      } else if (event.key === 'Escape') {
        setDismissed(at.start);
      } else {
        return false;
      }
      event.preventDefault();
      event.stopPropagation();
      return true;
    },
    /** ARIA for the message box that owns the list. */
    inputProps: open
      ? { 'aria-controls': listId, 'aria-activedescendant': optionId(listId, current), 'aria-autocomplete': 'list' as const }
      : {},
    list: open ? (
      <OptionList
        listId={listId}
        label={t('canned')}
        items={matches}
        active={current}
        keyOf={(item) => item.id}
        onChoose={choose}
        className="max-h-56 overflow-y-auto rounded border border-slate-300 bg-white text-sm shadow dark:border-slate-600 dark:bg-slate-900"
      >
        {(item) => (
          <>
            <span className="font-medium">{item.title}</span> <span className="text-slate-600 dark:text-slate-300">/{item.shortcut}</span>
            <span className="block truncate text-xs text-slate-600 dark:text-slate-300">{fillPlaceholders(item.text, { customer })}</span>
          </>
        )}
      </OptionList>
    ) : null,
  };
}
