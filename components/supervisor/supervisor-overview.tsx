'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useCallback, useRef } from 'react';
import type { AgentView, ConsoleEvent } from '@/lib/views/types';
import { useSupervisorActions, useSupervisorOverview } from '../api/supervisor';
import { useConsoleEvents } from '../realtime/use-console-events';
import { ErrorMessage } from '@/components/ui/error-text';

const TABLE = 'w-full text-left text-sm';
const HEAD = 'border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-400';
const SECTION = 'rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900';

/** Refetches the overview at most once a second while events stream in. */
function useLiveOverview(agent: AgentView) {
  const client = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(
    (event: ConsoleEvent) => {
      if (event.type === 'typing' || pending.current) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        void client.invalidateQueries({ queryKey: ['supervisor'] });
      }, 1000);
    },
    [client],
  );
  return useConsoleEvents(agent.id, onEvent);
}

export function SupervisorOverviewPanel({ agent }: { agent: AgentView }) {
  const t = useTranslations('supervisor');
  const format = useFormatter();
  const now = useNow({ updateInterval: 10_000 });
  const status = useLiveOverview(agent);
  const overview = useSupervisorOverview();
  const actions = useSupervisorActions();
  const data = overview.data;
  const waited = (since: string | null) => (since ? format.relativeTime(new Date(since), now) : '—');

  return (
    <>
      <p role="status" aria-label={t('connection')} className="text-sm text-slate-600 dark:text-slate-400">
        {status === 'live' || status === 'reconnected' ? t('live') : t('reconnecting')}
      </p>
      {overview.isError && <p role="alert"><ErrorMessage error={overview.error} /></p>}
      <section aria-labelledby="queues-heading" className={SECTION}>
        <h2 id="queues-heading" className="mb-2 font-semibold">{t('queues')}</h2>
        <table aria-label={t('queues')} className={TABLE}>
          <thead>
            <tr className={HEAD}>
              <th className="py-1">{t('queue')}</th>
              <th>{t('waiting')}</th>
              <th>{t('longestWait')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.queues.map((queue) => (
              <tr key={queue.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1">{queue.name}</td>
                <td>{queue.waiting}</td>
                <td>{waited(queue.longestWaitSince)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="agents-heading" className={SECTION}>
        <h2 id="agents-heading" className="mb-2 font-semibold">{t('agents')}</h2>
        <table aria-label={t('agents')} className={TABLE}>
          <thead>
            <tr className={HEAD}>
              <th className="py-1">{t('agent')}</th>
              <th>{t('presence')}</th>
              <th>{t('load')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.agents.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1">{row.displayName}</td>
                <td>{t(`presences.${row.presence}`)}</td>
                <td>{t('loadOf', { load: row.load, capacity: row.capacity })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="active-heading" className={SECTION}>
        <h2 id="active-heading" className="mb-2 font-semibold">{t('activeConversations')}</h2>
        <table aria-label={t('activeConversations')} className={TABLE}>
          <thead>
            <tr className={HEAD}>
              <th className="py-1">{t('customer')}</th>
              <th>{t('channel')}</th>
              <th>{t('queue')}</th>
              <th>{t('owner')}</th>
              <th>{t('state')}</th>
              <th>{t('waitingTime')}</th>
              <th>{t('lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.conversations.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1">
                  <Link href={`/?c=${encodeURIComponent(row.id)}`} className="underline" aria-label={t('monitor', { customer: row.customerName })}>
                    {row.customerName}
                  </Link>
                </td>
                <td>{row.channel}</td>
                <td>{row.queueName ?? '—'}</td>
                <td>{row.ownerName ?? '—'}</td>
                <td>{t(`states.${row.state}`)}</td>
                <td>{waited(row.waitingSince)}</td>
                <td>{format.relativeTime(new Date(row.lastActivityAt), now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.conversations.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t('noneActive')}</p>}
      </section>
      <section aria-labelledby="actions-heading" className={SECTION}>
        <h2 id="actions-heading" className="mb-2 font-semibold">{t('actionsLog')}</h2>
        <table aria-label={t('actionsLog')} className={TABLE}>
          <thead>
            <tr className={HEAD}>
              <th className="py-1">{t('when')}</th>
              <th>{t('supervisor')}</th>
              <th>{t('action')}</th>
              <th>{t('customer')}</th>
              <th>{t('agent')}</th>
              <th>{t('note')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.data?.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1">{format.dateTime(new Date(row.createdAt), { dateStyle: 'short', timeStyle: 'short' })}</td>
                <td>{row.supervisorName}</td>
                <td>{t(`kinds.${row.kind}`)}</td>
                <td>{row.customerName}</td>
                <td>{row.agentName ?? '—'}</td>
                <td>{row.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
