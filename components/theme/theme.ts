'use client';

import { useSyncExternalStore } from 'react';

// Light or dark: the OS preference unless the rep picked one (kept in localStorage). The `dark`
// class on <html> drives Tailwind's dark variant; THEME_SCRIPT sets it before the first paint.

export const THEME_STORAGE_KEY = 'theme';
const CHANGE_EVENT = 'console-theme-change';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Runs inline in <head>, before the body is parsed, so a dark page never flashes light. */
export const THEME_SCRIPT = `(function(){try{var s=localStorage.getItem('${THEME_STORAGE_KEY}');var d=s==='dark'||(s!=='light'&&matchMedia('${DARK_QUERY}').matches);var e=document.documentElement;e.classList.toggle('dark',d);e.style.colorScheme=d?'dark':'light';}catch(_){}})();`;

function apply(dark: boolean) {
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void) {
  const media = window.matchMedia(DARK_QUERY);
  // Following the OS: a change there applies at once unless the rep chose a theme.
  const onMedia = () => {
    if (!window.localStorage.getItem(THEME_STORAGE_KEY)) apply(media.matches);
  };
  media.addEventListener('change', onMedia);
  window.addEventListener(CHANGE_EVENT, onChange);
  // The OS may have switched between THEME_SCRIPT (first paint) and this subscription (hydration).
  if (isDark() !== media.matches) onMedia();
  return () => {
    media.removeEventListener('change', onMedia);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const isDark = () => document.documentElement.classList.contains('dark');

/** Whether the dark theme is on, and a toggle that remembers the choice. */
export function useTheme(): { dark: boolean; toggle: () => void } {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  return {
    dark,
    toggle: () => {
      const next = !isDark();
      window.localStorage.setItem(THEME_STORAGE_KEY, next ? 'dark' : 'light');
      apply(next);
    },
  };
}
