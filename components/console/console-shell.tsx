'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { canAdminister, canSeeReports, canSupervise } from '@/lib/shared/policies';
import type { AgentView } from '@/lib/views/types';
import type { InboxFilter } from '@/lib/views/types';
import { useSignOut } from '../api/session';
import { ConversationPane } from '../conversation/conversation-pane';
import { Inbox } from '../inbox/inbox';
import { useConsoleEvents } from '../realtime/use-console-events';
import { useTheme } from '../theme/theme';
import { ThemeToggle } from '../theme/theme-toggle';
import { LanguageSelect } from '../ui/language-select';
import { CommandPalette } from './command-palette';
import { NotificationSettingsMenu } from './notification-settings';
import { OfferList } from './offer-list';
import { PresenceSelect } from './presence-select';
import { ShortcutSheet } from './shortcuts';
import { useBackgroundAlerts, useNotificationSettings } from './use-notifications';
import { Button } from '@/components/ui/button';

export function ConsoleShell({ agent }: { agent: AgentView }) {
  const router = useRouter();
  const params = useSearchParams();
  const selected = params.get('c');
  const [notifications, setNotifications] = useNotificationSettings(agent.id);
  const status = useConsoleEvents(agent.id, useBackgroundAlerts(agent.id, notifications));
  const signOut = useSignOut();
  const theme = useTheme();
  const t = useTranslations('shell');
  const app = useTranslations('app');
  const admin = useTranslations('admin');
  const [filter, setFilter] = useState<InboxFilter>('all');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const signOutNow = () => signOut.mutate(undefined, { onSettled: () => router.replace('/sign-in') });

  return (
    <div className="flex h-screen flex-col">
      <ShortcutSheet open={shortcutsOpen} setOpen={setShortcutsOpen} />
      <CommandPalette
        actions={{
          showFilter: setFilter,
          openConversation: (id) => router.push(`/?c=${encodeURIComponent(id)}`),
          toggleTheme: theme.toggle,
          showShortcuts: () => setShortcutsOpen(true),
          signOut: signOutNow,
        }}
      />
      <header className="flex items-center justify-between border-b border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-2">
        <span className="font-semibold">{app('title')}</span>
        <div className="flex items-center gap-3 text-sm">
          <span role="status" aria-label={t('connection')} className={status === 'live' || status === 'reconnected' ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'}>
            {t(status)}
          </span>
          {canSupervise(agent) && (
            <Link href="/supervisor" className="underline">
              {t('supervisor')}
            </Link>
          )}
          {canSeeReports(agent) && (
            <Link href="/reports" className="underline">
              {t('reports')}
            </Link>
          )}
          {canAdminister(agent) && (
            <Link href="/admin" className="underline">
              {admin('title')}
            </Link>
          )}
          <span>
            {agent.displayName} <span className="text-slate-500 dark:text-slate-400">({t('role', { role: agent.role })})</span>
          </span>
          <PresenceSelect agent={agent} />
          <NotificationSettingsMenu settings={notifications} onChange={setNotifications} />
          <LanguageSelect />
          <ThemeToggle />
          <Button
            variant="secondary"
            size="none"
            className="px-2 py-1"
            onClick={signOutNow}
          >
            {t('signOut')}
          </Button>
        </div>
      </header>
      <OfferList onOpen={(id) => router.push(`/?c=${encodeURIComponent(id)}`)} />
      <div className="flex min-h-0 flex-1">
        <Inbox selectedId={selected} filter={filter} onFilterChange={setFilter} />
        <main className="flex min-w-0 flex-1 flex-col">
          {selected ? (
            <ConversationPane key={selected} conversationId={selected} agent={agent} />
          ) : (
            <p className="m-auto text-slate-500 dark:text-slate-400">{t('choose')}</p>
          )}
        </main>
      </div>
    </div>
  );
}
