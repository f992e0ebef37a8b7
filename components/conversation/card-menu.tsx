'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AdaptiveCardView as Card } from '@/lib/views/types';
import { PopupButton } from '../ui/popup-button';
import { AdaptiveCard } from './adaptive-card';
import { CARD_TEMPLATES, type CardTemplate } from './card-templates';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { Dialog } from '@/components/ui/dialog';

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
              <Button
                variant="menuItem"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  setMenuOpen(false);
                  setTemplate(item);
                }}
              >
                {t(item.id)}
              </Button>
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

/** A dialog without a form of its own: it sits inside the composer's form. */
function CardPreview({ template, customer, onCancel, onPost }: { template: CardTemplate; customer: string; onCancel: () => void; onPost: (card: Card) => void }) {
  const [values, setValues] = useState(() => Object.fromEntries(template.fields.map((field) => [field.name, field.initial])));
  const card = useMemo(() => template.card(customer, values), [template, customer, values]);
  const t = useTranslations('cards');
  return (
    <Dialog title={t('preview', { title: t(template.id) })} onClose={onCancel} className="flex max-h-[90vh] w-[28rem] flex-col gap-3 overflow-y-auto p-4">
      {template.fields.map((field) => (
        <label key={field.name} className="flex flex-col gap-1 text-sm">
          {t(field.name)}
          <Input value={values[field.name] ?? ''} onChange={(event) => setValues((all) => ({ ...all, [field.name]: event.target.value }))} />
        </label>
      ))}
      <AdaptiveCard card={card} />
      <div className="flex justify-end gap-2">
        <Button size="sm" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button variant="primary" size="sm" onClick={() => onPost(card)}>
          {t('post')}
        </Button>
      </div>
    </Dialog>
  );
}
