'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useTheme } from '../theme/theme';
import { PopupButton } from '../ui/popup-button';

interface PickedEmoji {
  native: string;
}

/**
 * The `Emoji` button and its picker: emoji-mart's web component (its React wrapper does not take
 * React 19), native emoji only and its data bundled, so nothing is fetched from a CDN.
 */
export function EmojiButton({ onPick }: { onPick: (emoji: string) => void }) {
  const [open, setOpen] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pick = useRef(onPick);
  const { dark } = useTheme();
  const t = useTranslations('composer');
  const locale = useLocale();
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const element = host.current;
    if (!open || !element) return;
    let cancelled = false;
    // The picker's own words in the console's language, bundled too (emoji-mart would fetch them).
    const words = locale === 'zh-CN' ? import('@emoji-mart/data/i18n/zh.json') : import('@emoji-mart/data/i18n/en.json');
    void Promise.all([import('emoji-mart'), import('@emoji-mart/data'), words]).then(([{ Picker }, data, i18n]) => {
      if (cancelled) return;
      const picker = new Picker({
        data: data.default,
        i18n: i18n.default,
        locale: locale === 'zh-CN' ? 'zh' : 'en',
        set: 'native',
        theme: dark ? 'dark' : 'light',
        autoFocus: true,
        previewPosition: 'none',
        skinTonePosition: 'search',
        onEmojiSelect: (emoji: PickedEmoji) => {
          setOpen(false);
          pick.current(emoji.native);
        },
        onClickOutside: (event: MouseEvent) => {
          if (!button.current?.contains(event.target as Node)) setOpen(false);
        },
      });
      element.replaceChildren(picker as unknown as Node);
    });
    return () => {
      cancelled = true;
      element.replaceChildren();
    };
  }, [open, dark, locale]);

  return (
    <div className="relative">
      <PopupButton ref={button} popup="dialog" open={open} onToggle={() => setOpen((current) => !current)}>
        {t('emoji')}
      </PopupButton>
      {open && (
        <div
          ref={host}
          role="dialog"
          aria-label={t('emojiPicker')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
          className="absolute right-0 bottom-full z-40 mb-2"
        />
      )}
    </div>
  );
}
