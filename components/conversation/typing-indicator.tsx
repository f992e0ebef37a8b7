'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { queryKeys } from '../api/query-keys';

export interface TypingState {
  name: string;
  at: number;
}

/** Typing signals repeat every few seconds while someone types; show one for this long. */
const SHOW_MS = 6_000;

export function TypingIndicator({ conversationId }: { conversationId: string }) {
  // Filled by the realtime stream only; never fetched.
  const { data } = useQuery<TypingState | null>({
    queryKey: queryKeys.typing(conversationId),
    queryFn: () => null,
    staleTime: Infinity,
  });
  const t = useTranslations('typing');
  // The `at` of the signal that has run out; a newer signal shows again.
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (!data) return;
    const timer = setTimeout(() => setExpired(data.at), SHOW_MS);
    return () => clearTimeout(timer);
  }, [data]);
  const visible = data && expired !== data.at;
  return (
    <div role="status" className="h-5 px-4 text-xs text-slate-500 dark:text-slate-400">
      {visible ? t('status', { name: data.name }) : ''}
    </div>
  );
}
