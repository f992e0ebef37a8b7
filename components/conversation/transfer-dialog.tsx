'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AgentView, ConversationSummary } from '@/lib/views/types';
import { useTransfer } from '../api/conversation-commands';
import { useDirectory } from '../api/directory';
import { ChoiceField, ModalDialog, NoteField } from '../ui/modal-dialog';
import { AgentOptions } from './agent-options';
import { ErrorMessage } from '@/components/ui/error-text';

/** `Transfer conversation`: to a colleague (who accepts or declines) or to a queue, with a note. */
export function TransferDialog({ conversation, agent, onClose }: { conversation: ConversationSummary; agent: AgentView; onClose: () => void }) {
  const directory = useDirectory();
  const transfer = useTransfer();
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const t = useTranslations('dialogs');
  const confirm = useTranslations('actions')('transfer');
  const queues = directory.data?.queues ?? [];

  return (
    <ModalDialog
      title={t('transferTitle')}
      confirm={confirm}
      busy={transfer.isPending}
      error={missing ? t('chooseTarget') : transfer.error && <ErrorMessage error={transfer.error} />}
      onClose={onClose}
      onConfirm={() => {
        const [kind, id] = target.split(':');
        if (!id) return setMissing(true);
        const to = kind === 'queue' ? { queueId: id } : { agentId: id };
        transfer.mutate({ conversationId: conversation.id, ...to, note: note.trim() || undefined }, { onSuccess: onClose });
      }}
    >
      <ChoiceField
        label={t('transferTo')}
        value={target}
        onChange={(next) => {
          setTarget(next);
          setMissing(false);
        }}
      >
        <AgentOptions agents={directory.data?.agents ?? []} exclude={[agent.id, conversation.ownerId]} prefix="agent:" />
        <optgroup label={t('queues')}>
          {queues.map((queue) => (
            <option key={queue.id} value={`queue:${queue.id}`}>
              {queue.name}
            </option>
          ))}
        </optgroup>
      </ChoiceField>
      <NoteField label={t('note')} value={note} onChange={setNote} placeholder={t('transferNotePlaceholder')} />
    </ModalDialog>
  );
}
