'use client';

import { useTheme } from './theme';

/** The `Theme` button: switches between light and dark and remembers the choice. */
export function ThemeToggle() {
  const { dark, toggle } = useTheme();
  return (
    <button
      type="button"
      aria-label="Theme"
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={toggle}
      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
    </button>
  );
}
