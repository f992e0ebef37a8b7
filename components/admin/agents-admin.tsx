'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { consoleApi, type AdminAgent, type AgentChangeInput, type NewAgentInput } from '@/lib/protocol/console';
import { useAdminAgents, useAdminCommand, useAdminQueues } from '../api/admin';
import { ErrorMessage } from '@/components/ui/error-text';

const ROLES = ['agent', 'supervisor', 'admin'] as const;
const INPUT = 'rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800';

export function AgentsAdmin() {
  const t = useTranslations('admin');
  const agents = useAdminAgents();
  const queues = useAdminQueues();
  const change = useAdminCommand(consoleApi.updateAgent, ({ id, ...body }: { id: string } & AgentChangeInput) => ({ params: { id }, body }));
  const queueName = (id: string) => queues.data?.find((q) => q.id === id)?.name ?? id;
  return (
    <section aria-labelledby="agents-admin" className="rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900">
      <h2 id="agents-admin" className="mb-2 font-semibold">{t('agents')}</h2>
      {change.error && <p role="alert" className="text-sm text-red-700 dark:text-red-400"><ErrorMessage error={change.error} /></p>}
      <table aria-label={t('agents')} className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <th className="py-1">{t('name')}</th>
            <th>{t('email')}</th>
            <th>{t('role')}</th>
            <th>{t('capacity')}</th>
            <th>{t('queues')}</th>
            <th>{t('active')}</th>
          </tr>
        </thead>
        <tbody>
          {agents.data?.map((agent) => (
            <tr key={agent.id} className="border-b border-slate-100 dark:border-slate-800">
              <td className="py-1">{agent.displayName}</td>
              <td>{agent.email}</td>
              <td>
                <select aria-label={t('roleOf', { name: agent.displayName })} value={agent.role} className={INPUT} onChange={(event) => change.mutate({ id: agent.id, role: event.target.value as AdminAgent['role'] })}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={100}
                  aria-label={t('capacityOf', { name: agent.displayName })}
                  defaultValue={agent.capacity}
                  className={`${INPUT} w-16`}
                  onBlur={(event) => Number(event.target.value) !== agent.capacity && change.mutate({ id: agent.id, capacity: Number(event.target.value) })}
                />
              </td>
              <td>{agent.queueIds.map(queueName).join(', ')}</td>
              <td>
                <input
                  key={String(agent.active)}
                  type="checkbox"
                  aria-label={t('activeOf', { name: agent.displayName })}
                  defaultChecked={agent.active}
                  onChange={(event) => change.mutate({ id: agent.id, active: event.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewAgentForm />
    </section>
  );
}

function NewAgentForm() {
  const t = useTranslations('admin');
  const queues = useAdminQueues();
  const create = useAdminCommand(consoleApi.createAgent, (body: NewAgentInput) => ({ body }));
  const [queueIds, setQueueIds] = useState<string[]>([]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    create.mutate(
      {
        email: form.get('email') as string,
        displayName: form.get('displayName') as string,
        role: form.get('role') as NewAgentInput['role'],
        capacity: Number(form.get('capacity')),
        password: form.get('password') as string,
        queueIds,
      },
      {
        onSuccess: () => {
          target.reset();
          setQueueIds([]);
        },
      },
    );
  }
  return (
    <form onSubmit={submit} aria-label={t('newAgent')} className="mt-4 flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        {t('email')}
        <input name="email" type="email" required className={INPUT} />
      </label>
      <label className="flex flex-col gap-1">
        {t('name')}
        <input name="displayName" required maxLength={100} className={INPUT} />
      </label>
      <label className="flex flex-col gap-1">
        {t('role')}
        <select name="role" defaultValue="agent" className={INPUT}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t('capacity')}
        <input name="capacity" type="number" min={0} max={100} defaultValue={5} className={`${INPUT} w-20`} />
      </label>
      <label className="flex flex-col gap-1">
        {t('initialPassword')}
        <input name="password" type="password" required minLength={12} autoComplete="new-password" className={INPUT} />
      </label>
      <fieldset className="flex flex-wrap gap-2">
        <legend>{t('queues')}</legend>
        {queues.data?.map((queue) => (
          <label key={queue.id} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={queueIds.includes(queue.id)}
              onChange={(event) => setQueueIds((ids) => (event.target.checked ? [...ids, queue.id] : ids.filter((id) => id !== queue.id)))}
            />
            {queue.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={create.isPending} className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {t('createAgent')}
      </button>
      {create.error && <p role="alert" className="w-full text-red-700 dark:text-red-400"><ErrorMessage error={create.error} /></p>}
    </form>
  );
}
