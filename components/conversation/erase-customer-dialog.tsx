'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import type { ConversationSummary } from '@/lib/views/types';
import { useEraseCustomer } from '../api/customer-data';
import { ModalDialog } from '../ui/modal-dialog';
import { ErrorMessage } from '@/components/ui/error-text';

/** `Erase customer data` (administrators): every conversation of this customer, deleted for good. */
export function EraseCustomerDialog({ conversation, onClose }: { conversation: ConversationSummary; onClose: () => void }) {
  const erase = useEraseCustomer();
  const router = useRouter();
  const t = useTranslations('customer');
  return (
    <ModalDialog
      title={t('eraseData')}
      confirm={t('erase')}
      danger
      busy={erase.isPending}
      error={erase.error && <ErrorMessage error={erase.error} />}
      onClose={onClose}
      onConfirm={() =>
        erase.mutate(conversation.id, {
          onSuccess: () => {
            onClose();
            router.replace('/');
          },
        })
      }
    >
      <p className="text-sm">{t('eraseBody', { customer: conversation.customerName ?? conversation.id })}</p>
    </ModalDialog>
  );
}
