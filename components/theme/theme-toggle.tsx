'use client';

import { useTranslations } from 'next-intl';
import { useTheme } from './theme';
import { Button } from '@/components/ui/button';

/** The `Theme` button: switches between light and dark and remembers the choice. */
export function ThemeToggle() {
  const { dark, toggle } = useTheme();
  const t = useTranslations('theme');
  return (
    <Button
      variant="secondary"
      size="none"
      aria-label={t('label')}
      title={dark ? t('toLight') : t('toDark')}
      onClick={toggle}
      className="px-2 py-1"
    >
      <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
    </Button>
  );
}
