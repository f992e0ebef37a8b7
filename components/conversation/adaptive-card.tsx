'use client';

import { AdaptiveCard as Renderer } from 'adaptivecards';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

/** Renders an Adaptive Card with the official renderer (read-only preview in the transcript). */
export function AdaptiveCard({ card }: { card: object }) {
  const host = useRef<HTMLDivElement>(null);
  const t = useTranslations('cards');
  const cannotShow = t('cannotShow');
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const renderer = new Renderer();
    try {
      renderer.parse(card);
      const rendered = renderer.render();
      element.replaceChildren(...(rendered ? [rendered] : []));
    } catch {
      element.textContent = cannotShow;
    }
    return () => element.replaceChildren();
  }, [card, cannotShow]);
  return <div ref={host} aria-label={t('card')} className="mt-1 max-w-[70%] rounded border border-slate-200 bg-white p-2 text-slate-900 dark:border-slate-700" />;
}
