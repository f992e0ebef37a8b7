'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { consoleApi, type AdminQueue } from '@/lib/protocol/console';
import { useAdminAgents, useAdminCommand, useAdminQueues } from '../api/admin';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { QueueBot } from './queue-bot';
import { QueueHours } from './queue-hours';
import { QueueSla } from './queue-sla';
import { QueueRetention } from './queue-retention';


export function QueuesAdmin() {
  const t = useTranslations('admin');
  const queues = useAdminQueues();
  const create = useAdminCommand(consoleApi.createQueue, (name: string) => ({ body: { name } }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    create.mutate(String(new FormData(target).get('name')), { onSuccess: () => target.reset() });
  }
  return (
    <section aria-labelledby="queues-admin" className="rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900">
      <h2 id="queues-admin" className="mb-2 font-semibold">{t('queues')}</h2>
      <div className="flex flex-col gap-3">
        {queues.data?.map((queue) => <QueueMembers key={`${queue.id}:${queue.memberIds.join()}`} queue={queue} />)}
      </div>
      <form onSubmit={submit} className="mt-4 flex items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          {t('queueName')}
          <Input name="name" required maxLength={100} />
        </label>
        <Button variant="primary" size="none" type="submit" disabled={create.isPending} className="px-3 py-1.5">
          {t('createQueue')}
        </Button>
        {create.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={create.error} /></p>}
      </form>
    </section>
  );
}

function QueueMembers({ queue }: { queue: AdminQueue }) {
  const t = useTranslations('admin');
  const agents = useAdminAgents();
  const [members, setMembers] = useState(queue.memberIds);
  const save = useAdminCommand(consoleApi.setQueueMembers, (agentIds: string[]) => ({ params: { id: queue.id }, body: { agentIds } }));
  return (
    <fieldset className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <legend className="px-1 font-medium">{t('queueWaiting', { name: queue.name, waiting: queue.waiting })}</legend>
      <div className="flex flex-wrap gap-3">
        {agents.data?.filter((agent) => agent.active).map((agent) => (
          <label key={agent.id} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={members.includes(agent.id)}
              onChange={(event) => setMembers((ids) => (event.target.checked ? [...ids, agent.id] : ids.filter((id) => id !== agent.id)))}
            />
            {agent.displayName}
          </label>
        ))}
      </div>
      <SurveySwitch queue={queue} />
      <QueueSla queue={queue} />
      <QueueRetention queue={queue} />
      <QueueBot queue={queue} />
      <Button variant="secondary" size="none" disabled={save.isPending} onClick={() => save.mutate(members)} className="mt-2 px-2 py-1">
        {t('saveMembers', { name: queue.name })}
      </Button>
      {save.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={save.error} /></p>}
      <QueueHours queue={queue} />
    </fieldset>
  );
}

/** The queue's satisfaction survey, on or off: saved as it is ticked. */
function SurveySwitch({ queue }: { queue: AdminQueue }) {
  const t = useTranslations('admin');
  const change = useAdminCommand(consoleApi.updateQueue, (surveyEnabled: boolean) => ({ params: { id: queue.id }, body: { surveyEnabled } }));
  // Ticked at once; put back if the server refuses.
  const [on, setOn] = useState(queue.surveyEnabled);
  function toggle(checked: boolean) {
    setOn(checked);
    change.mutate(checked, { onError: () => setOn(!checked) });
  }
  return (
    <div className="mt-2">
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={on} disabled={change.isPending} onChange={(event) => toggle(event.target.checked)} />
        {t('surveyEnabled')}
      </label>
      {change.error && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={change.error} /></p>}
    </div>
  );
}
