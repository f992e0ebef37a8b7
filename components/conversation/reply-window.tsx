'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** WhatsApp's 24-hour customer service window: time left, or why free text cannot be sent. */
export function useReplyWindow(endsAt: string | null): { open: boolean; label: string | null } {
  const [now, setNow] = useState<number | null>(null);
  const t = useTranslations('composer');
  useEffect(() => {
    if (!endsAt) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [endsAt]);
  if (!endsAt || now === null) return { open: true, label: null };
  const left = Date.parse(endsAt) - now;
  if (left <= 0) {
    return {
      open: false,
      label: t('windowClosed'),
    };
  }
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return { open: true, label: t('windowLeft', { hours, minutes }) };
}
