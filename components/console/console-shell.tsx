'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import type { AgentView } from '@/lib/views/types';
import { useSignOut } from '../api/session';
import { ConversationPane } from '../conversation/conversation-pane';
import { Inbox } from '../inbox/inbox';
import { useConsoleEvents } from '../realtime/use-console-events';
import { NotificationSettingsMenu } from './notification-settings';
import { OfferList } from './offer-list';
import { useBackgroundAlerts, useNotificationSettings } from './use-notifications';
import { PresenceSelect } from './presence-select';
import { ShortcutSheet } from './shortcuts';

export function ConsoleShell({ agent }: { agent: AgentView }) {
  const router = useRouter();
  const params = useSearchParams();
  const selected = params.get('c');
  const [notifications, setNotifications] = useNotificationSettings(agent.id);
  const status = useConsoleEvents(agent.id, useBackgroundAlerts(agent.id, notifications));
  const signOut = useSignOut();

  return (
    <div className="flex h-screen flex-col">
      <ShortcutSheet />
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2">
        <span className="font-semibold">Agent Console</span>
        <div className="flex items-center gap-3 text-sm">
          <span role="status" aria-label="Connection" className={status === 'live' || status === 'reconnected' ? 'text-emerald-700' : 'text-amber-700'}>
            {{ live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', reconnected: 'Reconnected' }[status]}
          </span>
          {agent.role !== 'agent' && (
            <Link href="/supervisor" className="underline">
              Supervisor
            </Link>
          )}
          <span>
            {agent.displayName} <span className="text-slate-500">({agent.role})</span>
          </span>
          <PresenceSelect agent={agent} />
          <NotificationSettingsMenu settings={notifications} onChange={setNotifications} />
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
            onClick={() => signOut.mutate(undefined, { onSettled: () => router.replace('/sign-in') })}
          >
            Sign out
          </button>
        </div>
      </header>
      <OfferList onOpen={(id) => router.push(`/?c=${encodeURIComponent(id)}`)} />
      <div className="flex min-h-0 flex-1">
        <Inbox selectedId={selected} />
        <main className="flex min-w-0 flex-1 flex-col">
          {selected ? (
            <ConversationPane key={selected} conversationId={selected} agent={agent} />
          ) : (
            <p className="m-auto text-slate-500">Choose a conversation.</p>
          )}
        </main>
      </div>
    </div>
  );
}
