'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { consoleApi, type AdminAgent, type AgentChangeInput, type NewAgentInput } from '@/lib/protocol/console';
import { useAdminAgents, useAdminCommand, useAdminQueues } from '../api/admin';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Input, Select } from '@/components/ui/field';

const ROLES = ['agent', 'supervisor', 'admin'] as const;

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
      <DataTable
        label={t('agents')}
        rows={agents.data}
        rowKey={(agent) => agent.id}
        columns={[
          { header: t('name'), cell: (agent) => agent.displayName },
          { header: t('email'), cell: (agent) => agent.email },
          {
            header: t('role'),
            cell: (agent) => (
              <Select aria-label={t('roleOf', { name: agent.displayName })} value={agent.role} onChange={(event) => change.mutate({ id: agent.id, role: event.target.value as AdminAgent['role'] })}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </Select>
            ),
          },
          {
            header: t('capacity'),
            cell: (agent) => (
              <Input
                type="number"
                min={0}
                max={100}
                aria-label={t('capacityOf', { name: agent.displayName })}
                defaultValue={agent.capacity}
                className="w-16"
                onBlur={(event) => Number(event.target.value) !== agent.capacity && change.mutate({ id: agent.id, capacity: Number(event.target.value) })}
              />
            ),
          },
          { header: t('queues'), cell: (agent) => agent.queueIds.map(queueName).join(', ') },
          {
            header: t('active'),
            cell: (agent) => (
              <input
                key={String(agent.active)}
                type="checkbox"
                aria-label={t('activeOf', { name: agent.displayName })}
                defaultChecked={agent.active}
                onChange={(event) => change.mutate({ id: agent.id, active: event.target.checked })}
              />
            ),
          },
        ]}
      />
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
        <Input name="email" type="email" required />
      </label>
      <label className="flex flex-col gap-1">
        {t('name')}
        <Input name="displayName" required maxLength={100} />
      </label>
      <label className="flex flex-col gap-1">
        {t('role')}
        <Select name="role" defaultValue="agent" >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1">
        {t('capacity')}
        <Input name="capacity" type="number" min={0} max={100} defaultValue={5} className="w-20" />
      </label>
      <label className="flex flex-col gap-1">
        {t('initialPassword')}
        <Input name="password" type="password" required minLength={12} autoComplete="new-password" />
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
      <Button variant="primary" size="none" type="submit" disabled={create.isPending} className="px-3 py-1.5">
        {t('createAgent')}
      </Button>
      {create.error && <p role="alert" className="w-full text-red-700 dark:text-red-400"><ErrorMessage error={create.error} /></p>}
    </form>
  );
}
