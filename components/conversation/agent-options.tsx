import type { AgentStatusView, PresenceView } from '@/lib/views/types';

const PRESENCE_ORDER: PresenceView[] = ['available', 'busy', 'away', 'offline'];
export const PRESENCE_LABEL: Record<PresenceView, string> = { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' };

/**
 * Colleagues as `<option>`s grouped by presence (the option's name stays the colleague's name),
 * with their load, so the rep picks someone who can answer.
 */
export function AgentOptions({ agents, exclude, prefix = '' }: { agents: AgentStatusView[]; exclude: (string | null)[]; prefix?: string }) {
  const shown = agents.filter((a) => !exclude.includes(a.id));
  return (
    <>
      {PRESENCE_ORDER.map((presence) => {
        const group = shown.filter((a) => a.presence === presence);
        if (group.length === 0) return null;
        return (
          <optgroup key={presence} label={`Agents — ${PRESENCE_LABEL[presence]}`}>
            {group.map((a) => (
              <option key={a.id} value={`${prefix}${a.id}`} title={`${a.load} of ${a.capacity} conversations`}>
                {a.displayName}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}
