'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AgentView, ConversationSummary } from '@/lib/views/types';
import { useRequestConsult } from '../api/conversation-commands';
import { useDirectory } from '../api/directory';
import { ChoiceField, ModalDialog, NoteField } from '../ui/modal-dialog';
import { AgentOptions } from './agent-options';
import { ErrorMessage } from '@/components/ui/error-text';

/** `Consult`: asks a colleague into a private thread; they read the conversation, the customer sees nothing. */
export function ConsultDialog({ conversation, agent, onClose }: { conversation: ConversationSummary; agent: AgentView; onClose: () => void }) {
  const directory = useDirectory();
  const consult = useRequestConsult();
  const [agentId, setAgentId] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const t = useTranslations('dialogs');
  const confirm = useTranslations('actions')('consult');
  const consulting = conversation.consultants.map((c) => c.agentId);

  return (
    <ModalDialog
      title={t('consultTitle')}
      confirm={confirm}
      busy={consult.isPending}
      error={missing ? t('chooseColleague') : consult.error && <ErrorMessage error={consult.error} />}
      onClose={onClose}
      onConfirm={() => {
        if (!agentId) return setMissing(true);
        consult.mutate({ conversationId: conversation.id, agentId, note: note.trim() || undefined }, { onSuccess: onClose });
      }}
    >
      <ChoiceField
        label={t('colleague')}
        value={agentId}
        onChange={(next) => {
          setAgentId(next);
          setMissing(false);
        }}
      >
        <AgentOptions agents={directory.data?.agents ?? []} exclude={[agent.id, conversation.ownerId, ...consulting]} />
      </ChoiceField>
      <NoteField label={t('question')} value={note} onChange={setNote} placeholder={t('questionPlaceholder')} />
    </ModalDialog>
  );
}
