'use client';

import { useState } from 'react';
import type { ConversationSummary } from '@/lib/views/types';
import { useCloseConversation } from '../api/conversation-commands';
import { ModalDialog, NoteField } from '../ui/modal-dialog';

/** `Force close conversation` (supervisors): closes it for the customer's channel too, with a reason. */
export function ForceCloseDialog({ conversation, onClose }: { conversation: ConversationSummary; onClose: () => void }) {
  const close = useCloseConversation();
  const [reason, setReason] = useState('');
  return (
    <ModalDialog
      title="Force close conversation"
      confirm="Force close"
      danger
      busy={close.isPending}
      error={close.error?.message ?? null}
      onClose={onClose}
      onConfirm={() => close.mutate({ conversationId: conversation.id, force: true, note: reason.trim() || undefined }, { onSuccess: onClose })}
    >
      <p className="text-sm">
        The conversation with {conversation.customerName} ends now{conversation.ownerName ? `, also for ${conversation.ownerName}` : ''}.
      </p>
      <NoteField label="Reason" value={reason} onChange={setReason} placeholder="Why (kept for the team)" />
    </ModalDialog>
  );
}
