'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditEntryView, type AuditFilter } from '@/lib/protocol/console';
import { useAdminAgents } from '../api/admin';
import { auditCsvHref, useAuditLog } from '../api/audit-log';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Input, Select } from '@/components/ui/field';
import { useDateTime } from '../ui/date-time';

/** A day typed in the filter (UTC) as the instant it starts; `next` for an inclusive `to`. */
const dayStart = (day: string, next = false) => (day ? new Date(Date.parse(`${day}T00:00:00Z`) + (next ? 86_400_000 : 0)).toISOString() : undefined);

const change = (entry: AuditEntryView) =>
  [entry.before, entry.after].map((value) => (value === null || value === undefined ? '' : JSON.stringify(value))).filter(Boolean).join(' → ');

/** Who did what, when: every administrator's and supervisor's action (read only), filtered, exportable. */
export function AuditLogAdmin() {
  const t = useTranslations('admin');
  const dateTime = useDateTime();
  const agents = useAdminAgents();
  const [actorId, setActorId] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: AuditFilter = {
    actorId: actorId || undefined,
    action: (action || undefined) as AuditFilter['action'],
    from: dayStart(from),
    to: dayStart(to, true),
  };
  const log = useAuditLog(filter);
  const rows = log.data?.pages.flatMap((page) => page.items);
  return (
    <section aria-labelledby="audit-log" className="rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900">
      <h2 id="audit-log" className="mb-2 font-semibold">{t('auditLog')}</h2>
      <div className="mb-2 flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col">
          {t('auditActor')}
          <Select value={actorId} onChange={(event) => setActorId(event.target.value)}>
            <option value="">{t('auditAnyone')}</option>
            <option value="system">{t('auditSystem')}</option>
            {agents.data?.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.displayName}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col">
          {t('auditAction')}
          <Select value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">{t('auditAnyAction')}</option>
            {AUDIT_ACTIONS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col">
          {t('auditFrom')}
          <Input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="flex flex-col">
          {t('auditTo')}
          <Input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <a href={auditCsvHref(filter)} download className="underline">
          {t('auditExport')}
        </a>
      </div>
      {log.error && <p role="alert" className="text-sm text-red-700 dark:text-red-400"><ErrorMessage error={log.error} /></p>}
      {rows && rows.length === 0 && <p className="text-sm">{t('auditEmpty')}</p>}
      <DataTable
        label={t('auditLog')}
        rows={rows}
        rowKey={(entry) => entry.id}
        alignTop
        columns={[
          { header: t('auditWhen'), cell: (entry) => dateTime(entry.at, 'dateTime'), className: 'whitespace-nowrap' },
          { header: t('auditActor'), cell: (entry) => `${entry.actorName}${entry.actorRole ? ` (${t(`roles.${entry.actorRole}`)})` : ''}` },
          { header: t('auditAction'), cell: (entry) => entry.action },
          { header: t('auditTarget'), cell: (entry) => entry.target, className: 'break-all' },
          { header: t('auditChange'), cell: change, className: 'break-all font-mono text-xs' },
        ]}
      />
      {log.hasNextPage && (
        <Button variant="secondary" size="sm" className="mt-2" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('auditMore')}
        </Button>
      )}
    </section>
  );
}
