'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ReachableCustomerView } from '@/lib/views/types';
import { useStartConversation } from '../api/start-conversation';
import { ModalDialog } from '../ui/modal-dialog';
import { TemplatePicker, type ChosenTemplate } from './template-picker';
import { ErrorMessage } from '@/components/ui/error-text';
import { Textarea } from '@/components/ui/field';

/** `Start conversation`: the rep's first message to someone the channel can reach, a template where the channel demands one. */
export function StartConversationDialog({ fromConversationId, customer, onClose }: { fromConversationId: string; customer: ReachableCustomerView; onClose: () => void }) {
  const t = useTranslations('customer');
  const start = useStartConversation();
  const router = useRouter();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ChosenTemplate | null>(null);
  const ready = customer.needsTemplate ? chosen !== null : text.trim().length > 0;
  return (
    <ModalDialog
      title={t('startDialog')}
      confirm={t('startSend')}
      busy={start.isPending || !ready}
      error={start.error && <ErrorMessage error={start.error} />}
      onClose={onClose}
      onConfirm={() =>
        start.mutate(
          {
            fromConversationId,
            customerId: customer.id,
            clientId: crypto.randomUUID(),
            ...(customer.needsTemplate && chosen ? { text: chosen.text, template: chosen.template } : { text: text.trim() }),
          },
          {
            onSuccess: (started) => {
              onClose();
              router.push(`/?c=${encodeURIComponent(started.conversationId)}`);
            },
          },
        )
      }
    >
      <p className="text-sm">{t('startWith', { name: customer.name ?? customer.id })}</p>
      {customer.needsTemplate ? (
        <>
          <p className="text-sm">{t('templateNeeded')}</p>
          <TemplatePicker conversationId={fromConversationId} onChange={setChosen} />
        </>
      ) : (
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('firstMessage')}</span>
          <Textarea value={text} onChange={(event) => setText(event.target.value)} rows={3} />
        </label>
      )}
    </ModalDialog>
  );
}
