'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import type { InboxFilter } from '@/lib/views/types';
import { useConversationList } from '../api/conversations';
import { OptionList, optionId } from '../ui/option-list';

export interface PaletteActions {
  showFilter: (filter: InboxFilter) => void;
  openConversation: (id: string) => void;
  toggleTheme: () => void;
  showShortcuts: () => void;
  signOut: () => void;
}

interface Command {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
}

const FILTERS: InboxFilter[] = ['mine', 'unassigned', 'all'];

/** Ctrl+K / Cmd+K: a searchable list of commands and of conversations by customer name. */
export function CommandPalette({ actions }: { actions: PaletteActions }) {
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((current) => {
          if (!current) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          return !current;
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  const close = (restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) returnFocus.current?.focus();
  };
  return <Palette actions={actions} onClose={close} />;
}

function Palette({ actions, onClose }: { actions: PaletteActions; onClose: (restoreFocus: boolean) => void }) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const t = useTranslations('palette');
  const inbox = useTranslations('inbox');
  const states = useTranslations('state');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 200);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useConversationList('all', query);

  const commands: Command[] = [
    ...FILTERS.map((filter) => ({ id: `filter-${filter}`, label: t('goTo', { filter: inbox(filter) }), hint: t('inboxFilter'), run: () => actions.showFilter(filter) })),
    { id: 'theme', label: t('toggleTheme'), hint: t('lightOrDark'), run: actions.toggleTheme },
    { id: 'shortcuts', label: t('showShortcuts'), run: actions.showShortcuts },
    { id: 'sign-out', label: t('signOut'), run: actions.signOut },
  ];
  const needle = search.trim().toLowerCase();
  const conversations: Command[] = needle
    ? (found.data?.items ?? [])
        .filter((item) => item.customerName.toLowerCase().includes(needle))
        .slice(0, 8)
        .map((item) => ({ id: `conversation-${item.id}`, label: item.customerName, hint: t('conversation', { state: states(item.state) }), run: () => actions.openConversation(item.id) }))
    : [];
  const shown = [...commands.filter((command) => command.label.toLowerCase().includes(needle)), ...conversations];
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  function run(command: Command) {
    // Commands that move focus elsewhere (sign out, open a conversation) keep it there.
    onClose(command.id === 'theme');
    command.run();
  }

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 pt-24" onMouseDown={() => onClose(true)}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={t('label')}
        onMouseDown={(event) => event.stopPropagation()}
        className="w-[32rem] overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900"
      >
        <input
          autoFocus
          role="combobox"
          aria-label={t('search')}
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length > 0 ? optionId(listId, current) : undefined}
          placeholder={t('placeholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              const step = event.key === 'ArrowDown' ? 1 : -1;
              if (shown.length > 0) setActive((current + step + shown.length) % shown.length);
            } else if (event.key === 'Enter') {
              if (shown[current]) run(shown[current]);
            } else if (event.key === 'Escape') {
              onClose(true);
            } else {
              return;
            }
            event.preventDefault();
            event.stopPropagation();
          }}
          className="w-full border-b border-slate-200 px-4 py-3 outline-none dark:border-slate-700"
        />
        {shown.length > 0 ? (
          <OptionList
            listId={listId}
            label={t('commands')}
            items={shown}
            active={current}
            keyOf={(command) => command.id}
            onChoose={run}
            onHover={setActive}
            className="max-h-80 overflow-y-auto py-1 text-sm"
          >
            {(command) => (
              <span className="flex items-center justify-between gap-2">
                <span>{command.label}</span>
                {command.hint && <span className="text-xs text-slate-600 dark:text-slate-300">{command.hint}</span>}
              </span>
            )}
          </OptionList>
        ) : (
          <p role="status" className="px-4 py-2 text-sm text-slate-600 dark:text-slate-300">
            {found.isFetching ? t('searching') : t('nothing')}
          </p>
        )}
      </div>
    </div>
  );
}
