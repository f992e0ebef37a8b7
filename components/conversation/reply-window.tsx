'use client';

import { useEffect, useState } from 'react';

/** WhatsApp's 24-hour customer service window: time left, or why free text cannot be sent. */
export function useReplyWindow(endsAt: string | null): { open: boolean; label: string | null } {
  const [now, setNow] = useState<number | null>(null);
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
      label: "WhatsApp's 24-hour window has closed: free-form replies are possible again once the customer writes.",
    };
  }
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return { open: true, label: `WhatsApp reply window: ${hours} h ${minutes} min left` };
}
