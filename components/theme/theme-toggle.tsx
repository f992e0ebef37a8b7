'use client';

import { useTranslations } from 'next-intl';
import { useTheme } from './theme';

/** The `Theme` button: switches between light and dark and remembers the choice. */
export function ThemeToggle() {
  const { dark, toggle } = useTheme();
  const t = useTranslations('theme');
  return (
    <button
      type="button"
      aria-label={t('label')}
      title={dark ? t('toLight') : t('toDark')}
      onClick={toggle}
      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
    </button>
  );
}
