'use client';

import { useTranslations } from 'next-intl';
import type { AgentStatusView, PresenceView } from '@/lib/views/types';

/** Presences in the order a rep looks for a colleague. */
export const PRESENCES: PresenceView[] = ['available', 'busy', 'away', 'offline'];

/**
 * Colleagues as `<option>`s grouped by presence (the option's name stays the colleague's name),
 * with their load, so the rep picks someone who can answer.
 */
export function AgentOptions({ agents, exclude, prefix = '' }: { agents: AgentStatusView[]; exclude: (string | null)[]; prefix?: string }) {
  const t = useTranslations('presence');
  const shown = agents.filter((a) => !exclude.includes(a.id));
  return (
    <>
      {PRESENCES.map((presence) => {
        const group = shown.filter((a) => a.presence === presence);
        if (group.length === 0) return null;
        return (
          <optgroup key={presence} label={t('agentsGroup', { presence: t(presence) })}>
            {group.map((a) => (
              <option key={a.id} value={`${prefix}${a.id}`} title={t('loadTitle', { load: a.load, capacity: a.capacity })}>
                {a.displayName}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}
