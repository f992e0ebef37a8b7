'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ConversationSummary, CustomerProfileView, ReachableCustomerView } from '@/lib/views/types';
import { StartConversationDialog } from './start-conversation-dialog';
import { Button } from '@/components/ui/button';

/** The customer panel's `Start a conversation`: whom the channel lets the rep write to first, or why no one. */
export function StartConversationSection({ conversation, profile }: { conversation: ConversationSummary; profile: CustomerProfileView }) {
  const t = useTranslations('customer');
  const [chosen, setChosen] = useState<ReachableCustomerView | null>(null);
  // The customer of an open conversation is written to in it, not started with again.
  const customers = profile.reachFirst.customers.filter((customer) => conversation.state === 'closed' || customer.id !== profile.customerId);
  return (
    <section aria-label={t('start')} className="mt-4">
      <h4 className="text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{t('start')}</h4>
      {!profile.reachFirst.possible ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('notReachable', { channel: profile.channel })}</p>
      ) : customers.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('noOneToReach')}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {customers.map((customer) => (
            <li key={customer.id}>
              <Button variant="secondary" size="none" onClick={() => setChosen(customer)} className="w-full px-2 py-1 text-left text-xs">
                {t('startWith', { name: customer.name ?? customer.id })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {chosen && <StartConversationDialog fromConversationId={conversation.id} customer={chosen} onClose={() => setChosen(null)} />}
    </section>
  );
}
