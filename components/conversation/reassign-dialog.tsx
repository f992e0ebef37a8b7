'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ConversationSummary } from '@/lib/views/types';
import { useDirectory } from '../api/directory';
import { useAssignConversation } from '../api/supervisor';
import { ChoiceField, ModalDialog } from '../ui/modal-dialog';
import { AgentOptions } from './agent-options';
import { ErrorMessage } from '@/components/ui/error-text';

/** `Reassign conversation` (supervisors): straight to another agent, no request to answer. */
export function ReassignDialog({ conversation, onClose }: { conversation: ConversationSummary; onClose: () => void }) {
  const t = useTranslations('supervisor');
  const directory = useDirectory();
  const assign = useAssignConversation();
  const [agentId, setAgentId] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ModalDialog
      title={t('reassignTitle')}
      confirm={t('reassign')}
      busy={assign.isPending}
      error={missing ? t('chooseAgent') : assign.error && <ErrorMessage error={assign.error} />}
      onClose={onClose}
      onConfirm={() => {
        if (!agentId) return setMissing(true);
        assign.mutate({ conversationId: conversation.id, agentId }, { onSuccess: onClose });
      }}
    >
      <ChoiceField
        label={t('reassignTo')}
        value={agentId}
        onChange={(next) => {
          setAgentId(next);
          setMissing(false);
        }}
      >
        <AgentOptions agents={directory.data?.agents ?? []} exclude={[conversation.ownerId]} />
      </ChoiceField>
    </ModalDialog>
  );
}
