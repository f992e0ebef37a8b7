'use client';

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
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const element = host.current;
    if (!open || !element) return;
    let cancelled = false;
    void Promise.all([import('emoji-mart'), import('@emoji-mart/data')]).then(([{ Picker }, data]) => {
      if (cancelled) return;
      const picker = new Picker({
        data: data.default,
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
  }, [open, dark]);

  return (
    <div className="relative">
      <PopupButton ref={button} popup="dialog" open={open} onToggle={() => setOpen((current) => !current)}>
        Emoji
      </PopupButton>
      {open && (
        <div
          ref={host}
          role="dialog"
          aria-label="Emoji picker"
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
