'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AdaptiveCardView as Card } from '@/lib/views/types';
import { PopupButton } from '../ui/popup-button';
import { AdaptiveCard } from './adaptive-card';
import { CARD_TEMPLATES, type CardTemplate } from './card-templates';

/** The `Cards` menu: pick a template, fill its fields, check the preview, then post it. */
export function CardMenu({ customer, disabled, onPost }: { customer: string; disabled: boolean; onPost: (card: Card) => void }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [template, setTemplate] = useState<CardTemplate | null>(null);
  const t = useTranslations('cards');
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (menuOpen) menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [menuOpen]);

  function close() {
    setMenuOpen(false);
    setTemplate(null);
    button.current?.focus();
  }

  return (
    <div className="relative">
      <PopupButton ref={button} popup="menu" open={menuOpen} disabled={disabled} onToggle={() => setMenuOpen((current) => !current)}>
        {t('menu')}
      </PopupButton>
      {menuOpen && (
        <ul
          ref={menu}
          role="menu"
          aria-label={t('templates')}
          onKeyDown={(event) => {
            const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []);
            const at = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape') close();
            else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
            else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
            else return;
            event.preventDefault();
            event.stopPropagation();
          }}
          className="absolute right-0 bottom-full z-40 mb-2 w-56 rounded border border-slate-300 bg-white py-1 text-sm shadow dark:border-slate-600 dark:bg-slate-900"
        >
          {CARD_TEMPLATES.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  setMenuOpen(false);
                  setTemplate(item);
                }}
                className="w-full px-3 py-1.5 text-left hover:bg-slate-100 focus:bg-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
              >
                {t(item.id)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {template && (
        <CardPreview
          template={template}
          customer={customer}
          onCancel={close}
          onPost={(card) => {
            onPost(card);
            close();
          }}
        />
      )}
    </div>
  );
}

function CardPreview({ template, customer, onCancel, onPost }: { template: CardTemplate; customer: string; onCancel: () => void; onPost: (card: Card) => void }) {
  const [values, setValues] = useState(() => Object.fromEntries(template.fields.map((field) => [field.name, field.initial])));
  const card = useMemo(() => template.card(customer, values), [template, customer, values]);
  const dialog = useRef<HTMLDivElement>(null);
  const t = useTranslations('cards');
  const title = t(template.id);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40" onClick={onCancel}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-label={t('preview', { title })}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
        className="flex max-h-[90vh] w-[28rem] flex-col gap-3 overflow-y-auto rounded-lg bg-white p-4 shadow-lg dark:bg-slate-900"
      >
        <h2 className="font-semibold">{title}</h2>
        {template.fields.map((field) => (
          <label key={field.name} className="flex flex-col gap-1 text-sm">
            {t(field.name)}
            <input
              value={values[field.name] ?? ''}
              onChange={(event) => setValues((all) => ({ ...all, [field.name]: event.target.value }))}
              className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
            />
          </label>
        ))}
        <AdaptiveCard card={card} />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            {t('cancel')}
          </button>
          <button type="button" onClick={() => onPost(card)} className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700">
            {t('post')}
          </button>
        </div>
      </div>
    </div>
  );
}
