'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { OfferView } from '@/lib/views/types';
import { useDeclineOffer, useOffers, useTakeOffer } from '../api/offers';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';


/** Seconds left, ticking, so the rep sees the offer is about to go to someone else. */
function useSecondsLeft(expiresAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1000));
}

/**
 * Offers, transfer and consult requests for this agent. Their buttons avoid the words of the
 * conversation's own buttons (Accept, Transfer, Consult) so each name stays unambiguous.
 */
export function OfferList({ onOpen }: { onOpen: (conversationId: string) => void }) {
  const offers = useOffers();
  const t = useTranslations('offers');
  const items = offers.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-label={t('region')} className="border-b border-indigo-200 bg-indigo-50 px-4 py-2 dark:border-indigo-900 dark:bg-indigo-950">
      <ul className="flex flex-wrap gap-2">
        {items.map((offer) => (
          <OfferCard key={offer.id} offer={offer} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}

function OfferCard({ offer, onOpen }: { offer: OfferView; onOpen: (conversationId: string) => void }) {
  const take = useTakeOffer((summary) => onOpen(summary.id));
  const decline = useDeclineOffer();
  const left = useSecondsLeft(offer.expiresAt);
  const t = useTranslations('offers');
  const busy = take.isPending || decline.isPending;
  const error = take.error ?? decline.error;
  const from = offer.fromName ?? t('aColleague');
  const headline =
    offer.kind === 'route'
      ? offer.queueName
        ? t('routeIn', { queue: offer.queueName })
        : t('route')
      : t(offer.kind, { from });
  const label = `${headline}: ${offer.customerName}`;
  return (
    <li aria-label={label} className="flex items-center gap-3 rounded border border-indigo-200 bg-white px-3 py-2 text-sm shadow-sm dark:border-indigo-800 dark:bg-slate-900">
      <div>
        <p className="font-medium">{label}</p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {offer.channel}
          {offer.note ? ` · “${offer.note}”` : ''} · <span aria-label={t('timeLeft')}>{t('seconds', { seconds: left })}</span>
        </p>
        {error && <p role="alert" className="text-xs text-red-700"><ErrorMessage error={error} /></p>}
      </div>
      <Button
        variant="success"
        size="none"
        disabled={busy}
        onClick={() => take.mutate(offer)}
        className="px-3 py-1"
      >
        {offer.kind === 'consult' ? t('join') : t('take')}
      </Button>
      <Button
        variant="secondary"
        size="none"
        disabled={busy}
        onClick={() => decline.mutate(offer)}
        className="px-3 py-1"
      >
        {t('decline')}
      </Button>
    </li>
  );
}
