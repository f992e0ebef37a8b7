'use client';

import { useTranslations } from 'next-intl';
import type { AgentView, PresenceView } from '@/lib/views/types';
import { useDirectory, useSetPresence } from '../api/directory';
import { PRESENCES } from '../conversation/agent-options';
import { ErrorMessage } from '@/components/ui/error-text';
import { Select } from '@/components/ui/field';

const DOT: Record<PresenceView, string> = { available: 'bg-emerald-500', busy: 'bg-red-500', away: 'bg-amber-400', offline: 'bg-slate-400' };

/** The agent's presence: routing offers conversations only while it reads Available. */
export function PresenceSelect({ agent }: { agent: AgentView }) {
  const directory = useDirectory();
  const setPresence = useSetPresence();
  const t = useTranslations('presence');
  const me = directory.data?.agents.find((a) => a.id === agent.id);
  const presence = me?.presence ?? agent.presence;
  return (
    <span className="flex items-center gap-1.5">
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[presence]}`} />
      <Select
        aria-label={t('label')}
        value={presence}
        disabled={setPresence.isPending}
        onChange={(event) => setPresence.mutate(event.target.value as PresenceView)}
        className="bg-transparent px-1 py-0.5 text-sm"
      >
        {PRESENCES.map((value) => (
          <option key={value} value={value}>
            {t(value)}
          </option>
        ))}
      </Select>
      {me && (
        <span className="text-xs text-slate-500 dark:text-slate-400" aria-label={t('load')}>
          {me.load}/{me.capacity}
        </span>
      )}
      {setPresence.error && <span role="alert" className="text-xs text-red-700"><ErrorMessage error={setPresence.error} /></span>}
    </span>
  );
}
