'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ConversationSummary } from '@/lib/views/types';

type Clock = Pick<ConversationSummary, 'slaKind' | 'slaWarnAt' | 'slaDueAt'>;

/** Now, every second, while a clock runs. */
function useNowEachSecond(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

/**
 * The time left before the conversation's SLA target (docs/metrics.md): amber from the warning
 * (80% of the target, in business hours), red once breached; nothing when no clock runs.
 */
export function SlaCountdown({ clock }: { clock: Clock }) {
  const t = useTranslations('sla');
  const now = useNowEachSecond(clock.slaDueAt !== null);
  if (!clock.slaKind || !clock.slaDueAt || !clock.slaWarnAt) return null;
  const left = Math.ceil((new Date(clock.slaDueAt).getTime() - now) / 1000);
  const level = left <= 0 ? 'breached' : now >= new Date(clock.slaWarnAt).getTime() ? 'warning' : 'ok';
  const text = left <= 0 ? t('breached') : left >= 60 ? t('minutesLeft', { minutes: Math.ceil(left / 60) }) : t('secondsLeft', { seconds: left });
  const colour = {
    ok: 'text-slate-600 dark:text-slate-400',
    warning: 'text-amber-700 dark:text-amber-400',
    breached: 'font-medium text-red-700 dark:text-red-400',
  }[level];
  return (
    <span className={`text-xs ${colour}`} data-sla={level} title={t(clock.slaKind)}>
      {text}
    </span>
  );
}
