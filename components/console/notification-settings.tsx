'use client';

import { useTranslations } from 'next-intl';
import type { NotificationSettings } from './use-notifications';

/** The rep's choice of a sound and a desktop notification while the tab is in the background. */
export function NotificationSettingsMenu({ settings, onChange }: { settings: NotificationSettings; onChange: (next: NotificationSettings) => void }) {
  const t = useTranslations('notifications');
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
        {t('menu')}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 flex w-64 flex-col gap-2 rounded border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">{t('legend')}</legend>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('explain')}</p>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={settings.sound} onChange={(event) => onChange({ ...settings, sound: event.target.checked })} />
          {t('sound')}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={settings.desktop}
            onChange={async (event) => {
              const desktop = event.target.checked;
              if (desktop && 'Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
              onChange({ ...settings, desktop: desktop && 'Notification' in window && Notification.permission === 'granted' });
            }}
          />
          {t('desktop')}
        </label>
      </fieldset>
    </details>
  );
}
