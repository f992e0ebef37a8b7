'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useCallback, useRef } from 'react';
import type { AgentView, ConsoleEvent } from '@/lib/views/types';
import { queryKeys } from '../api/query-keys';
import { useSupervisorActions, useSupervisorOverview } from '../api/supervisor';
import { useConsoleEvents } from '../realtime/use-console-events';
import { ErrorMessage } from '@/components/ui/error-text';
import { DataTable } from '../ui/data-table';
import { SlaCountdown } from '../conversation/sla-countdown';

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
        void client.invalidateQueries({ queryKey: queryKeys.supervisor });
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
        <DataTable
          label={t('queues')}
          rows={data?.queues}
          rowKey={(queue) => queue.id}
          columns={[
            { header: t('queue'), cell: (queue) => queue.name },
            { header: t('waiting'), cell: (queue) => queue.waiting },
            { header: t('longestWait'), cell: (queue) => waited(queue.longestWaitSince) },
          ]}
        />
      </section>
      <section aria-labelledby="agents-heading" className={SECTION}>
        <h2 id="agents-heading" className="mb-2 font-semibold">{t('agents')}</h2>
        <DataTable
          label={t('agents')}
          rows={data?.agents}
          rowKey={(row) => row.id}
          columns={[
            { header: t('agent'), cell: (row) => row.displayName },
            { header: t('presence'), cell: (row) => t(`presences.${row.presence}`) },
            { header: t('load'), cell: (row) => t('loadOf', { load: row.load, capacity: row.capacity }) },
          ]}
        />
      </section>
      <section aria-labelledby="active-heading" className={SECTION}>
        <h2 id="active-heading" className="mb-2 font-semibold">{t('activeConversations')}</h2>
        <DataTable
          label={t('activeConversations')}
          rows={data?.conversations}
          rowKey={(row) => row.id}
          columns={[
            {
              header: t('customer'),
              cell: (row) => (
                <Link href={`/?c=${encodeURIComponent(row.id)}`} className="underline" aria-label={t('monitor', { customer: row.customerName })}>
                  {row.customerName}
                </Link>
              ),
            },
            { header: t('channel'), cell: (row) => row.channel },
            { header: t('queue'), cell: (row) => row.queueName ?? '—' },
            { header: t('owner'), cell: (row) => row.ownerName ?? '—' },
            { header: t('state'), cell: (row) => t(`states.${row.state}`) },
            { header: t('waitingTime'), cell: (row) => waited(row.waitingSince) },
            { header: t('sla'), cell: (row) => <SlaCountdown clock={row} /> },
            { header: t('lastActivity'), cell: (row) => format.relativeTime(new Date(row.lastActivityAt), now) },
          ]}
        />
        {data && data.conversations.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t('noneActive')}</p>}
      </section>
      <section aria-labelledby="actions-heading" className={SECTION}>
        <h2 id="actions-heading" className="mb-2 font-semibold">{t('actionsLog')}</h2>
        <DataTable
          label={t('actionsLog')}
          rows={actions.data}
          rowKey={(row) => row.id}
          columns={[
            { header: t('when'), cell: (row) => format.dateTime(new Date(row.createdAt), { dateStyle: 'short', timeStyle: 'short' }) },
            { header: t('supervisor'), cell: (row) => row.supervisorName },
            { header: t('action'), cell: (row) => t(`kinds.${row.kind}`) },
            { header: t('customer'), cell: (row) => row.customerName },
            { header: t('agent'), cell: (row) => row.agentName ?? '—' },
            { header: t('note'), cell: (row) => row.note ?? '' },
          ]}
        />
      </section>
    </>
  );
}
