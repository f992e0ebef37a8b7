'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { isLocale, localeCookie, LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { Select } from './field';

/** The `Language` select: remembers the choice in a cookie and re-renders the page in it. */
export function LanguageSelect() {
  const t = useTranslations('app');
  const locale = useLocale();
  const router = useRouter();
  return (
    <Select
      aria-label={t('language')}
      value={locale}
      onChange={(event) => {
        const next = event.target.value;
        if (!isLocale(next)) return;
        document.cookie = localeCookie(next);
        router.refresh();
      }}
      className="bg-transparent px-1 text-sm"
    >
      {LOCALES.map((item) => (
        <option key={item} value={item} lang={item}>
          {LOCALE_NAMES[item]}
        </option>
      ))}
    </Select>
  );
}
