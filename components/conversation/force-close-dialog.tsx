'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ConversationSummary } from '@/lib/views/types';
import { useCloseConversation } from '../api/conversation-commands';
import { ModalDialog, NoteField } from '../ui/modal-dialog';
import { ErrorMessage } from '@/components/ui/error-text';

/** `Force close conversation` (supervisors): closes it for the customer's channel too, with a reason. */
export function ForceCloseDialog({ conversation, onClose }: { conversation: ConversationSummary; onClose: () => void }) {
  const close = useCloseConversation();
  const [reason, setReason] = useState('');
  const t = useTranslations('dialogs');
  const confirm = useTranslations('actions')('forceClose');
  return (
    <ModalDialog
      title={t('forceCloseTitle')}
      confirm={confirm}
      danger
      busy={close.isPending}
      error={close.error && <ErrorMessage error={close.error} />}
      onClose={onClose}
      onConfirm={() => close.mutate({ conversationId: conversation.id, force: true, note: reason.trim() || undefined }, { onSuccess: onClose })}
    >
      <p className="text-sm">
        {conversation.ownerName
          ? t('forceCloseBodyOwner', { customer: conversation.customerName, owner: conversation.ownerName })
          : t('forceCloseBody', { customer: conversation.customerName })}
      </p>
      <NoteField label={t('reason')} value={reason} onChange={setReason} placeholder={t('reasonPlaceholder')} />
    </ModalDialog>
  );
}
