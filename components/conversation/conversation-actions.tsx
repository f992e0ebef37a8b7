'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { canAccept, canConsult, canEnd, canForceClose, canReassign, canTakeOver, canTransfer } from '@/lib/shared/policies';
import type { AgentView, ConversationSummary } from '@/lib/views/types';
import { useAcceptConversation } from '../api/accept-conversation';
import { useCloseConversation } from '../api/conversation-commands';
import { useAssignConversation } from '../api/supervisor';
import { ConsultDialog } from './consult-dialog';
import { ForceCloseDialog } from './force-close-dialog';
import { ReassignDialog } from './reassign-dialog';
import { TransferDialog } from './transfer-dialog';
import { ErrorMessage } from '@/components/ui/error-text';

const BUTTON = 'rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800';

/** Accept, Transfer, Consult, End conversation and, for supervisors, Force close: each where its policy allows. */
export function ConversationActions({ conversation, agent }: { conversation: ConversationSummary; agent: AgentView }) {
  const accept = useAcceptConversation();
  const close = useCloseConversation();
  const t = useTranslations('actions');
  const supervise = useTranslations('supervisor');
  const assign = useAssignConversation();
  const [dialog, setDialog] = useState<'transfer' | 'consult' | 'force-close' | 'reassign' | null>(null);
  const error = accept.error ?? close.error ?? assign.error;

  return (
    <div className="flex items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          <ErrorMessage error={error} />
        </span>
      )}
      {canTransfer(agent, conversation) && (
        <button type="button" className={BUTTON} onClick={() => setDialog('transfer')}>
          {t('transfer')}
        </button>
      )}
      {canConsult(agent, conversation) && (
        <button type="button" className={BUTTON} onClick={() => setDialog('consult')}>
          {t('consult')}
        </button>
      )}
      {canEnd(agent, conversation) && (
        <button type="button" className={BUTTON} disabled={close.isPending} onClick={() => close.mutate({ conversationId: conversation.id })}>
          {t('end')}
        </button>
      )}
      {canTakeOver(agent, conversation) && (
        <button
          type="button"
          className={BUTTON}
          disabled={assign.isPending}
          onClick={() => assign.mutate({ conversationId: conversation.id, agentId: agent.id })}
        >
          {supervise('takeOver')}
        </button>
      )}
      {canReassign(agent, conversation) && (
        <button type="button" className={BUTTON} onClick={() => setDialog('reassign')}>
          {supervise('reassign')}
        </button>
      )}
      {canForceClose(agent, conversation) && (
        <button type="button" className={`${BUTTON} text-red-700 dark:text-red-400`} onClick={() => setDialog('force-close')}>
          {t('forceClose')}
        </button>
      )}
      {canAccept(conversation) && (
        <button
          type="button"
          disabled={accept.isPending}
          onClick={() => accept.mutate(conversation)}
          className="rounded bg-emerald-700 px-4 py-1.5 font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          {t('accept')}
        </button>
      )}
      {dialog === 'transfer' && <TransferDialog conversation={conversation} agent={agent} onClose={() => setDialog(null)} />}
      {dialog === 'consult' && <ConsultDialog conversation={conversation} agent={agent} onClose={() => setDialog(null)} />}
      {dialog === 'force-close' && <ForceCloseDialog conversation={conversation} onClose={() => setDialog(null)} />}
      {dialog === 'reassign' && <ReassignDialog conversation={conversation} onClose={() => setDialog(null)} />}
    </div>
  );
}
